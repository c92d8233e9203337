"""Geodesic nearest-feature distances and capacity sums for parcels (the scoring geometry kernels).

``nearest(parcels, features)`` gives, per parcel, the nearest feature and the WGS84 geodesic
distance in metres from the parcel's *boundary* (0 when they touch, cross, or one contains the
other). ``sum_within`` / ``count_within`` add up point values within a radius of the boundary.

Inputs are shapely geometries in EPSG:4326 lon/lat (GeoSeries, GeoDataFrame or arrays), anywhere
on Earth, across the antimeridian too. Method (see ``scoring.geodesy``):

1. Features are cut into pieces (segments of at most 2 km along geodesics; points are zero-length
   pieces). Parcels are padded vertex arrays, grouped into regional clusters (coarse lon/lat
   grid). The prepared parcels are cached and reused for the next call on the same geometries,
   so nearest substation + nearest line + MW within a radius prepare them once.
2. Per cluster, the pieces that can matter are found with provable bounds on a global 3-D k-d
   tree (never projecting far features), and projected into an ellipsoidal Mercator frame centred
   on the cluster; a uniform grid over their midpoints serves candidate queries per small grid
   cell of parcels (pure numpy, no per-query Python).
3. Candidates are pruned with provable bounds (an upper bound from the nearest midpoint, lower
   bounds from the midpoint distance and from a separating axis with the parcel's octagon
   support), all widened by the range of the Mercator scale factor over the reach, then the
   exact planar parcel-boundary-to-piece distance (even-odd inside test, crossing test, holes,
   multipolygons) is computed for the survivors and converted to ground metres with the exact
   scale factor at the midpoint of the two nearest points, before comparing candidates. These
   per-parcel loops are compiled with numba (:mod:`.planar`; GIL released, blocks run in
   two threads; the compiled code is cached on disk, see :mod:`.jit`).
4. Distances over 20 km are recomputed with ``pyproj.Geod`` on the two nearest points; parcels near
   the poles or whose features are very far take the far path (:mod:`.far`: groups of
   parcels on the unit sphere with provable bounds, ``pyproj.Geod`` on the final candidates).

Accuracy: ~1e-5 relative or better (measured <= 5e-6 against a per-parcel azimuthal equidistant
reference), a few centimetres absolute. ``sum_within`` settles every case within a few metres of
the radius with ``pyproj.Geod``.

Edges are treated as geodesics (long ones are split), so results do not depend on a projection.

The public face is this module: :func:`nearest`, :func:`sum_within`, :func:`count_within`,
:func:`prepare` (prepare parcels once and pass the result to any of them) and
:func:`forget_prepared` (drop the cached prepared parcels) and :func:`reuse_frames` (a block
within which what is prepared for a feature layer, its pieces and every cluster's frame, is kept
for later calls with the same features: a streamed run, batch after batch against the same
reference layers). The modules behind it share public
names only: ``driver`` (parcels, frames, blocks, threads), ``geometry`` (pieces and
padded rings), ``grid``, ``kernels`` / ``planar`` (numba loops), ``far`` / ``far_within`` (the
sphere path), ``sphere``, ``jit`` (numba options and cache), ``nearest`` and ``within``.
"""

from gridscout.scoring.distance.driver import forget_prepared, reuse_frames
from gridscout.scoring.distance.driver import prepare_parcels as prepare
from gridscout.scoring.distance.nearest import NearestResult, nearest
from gridscout.scoring.distance.within import count_within, sum_within

__all__ = ["NearestResult", "count_within", "forget_prepared", "nearest", "prepare", "reuse_frames", "sum_within"]
