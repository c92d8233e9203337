"""The test S3 server is real: objects written over HTTP by one client are read by another."""


def test_objects_round_trip_through_the_server(s3_server):
    bucket = s3_server.bucket("roundtrip")
    s3_server.filesystem().pipe(f"{bucket}/a/b.txt", b"hello")
    other = s3_server.filesystem()  # a second client, no shared cache
    assert other.cat(f"{bucket}/a/b.txt") == b"hello"
    assert other.ls(bucket, detail=False) == [f"{bucket[5:]}/a"]
