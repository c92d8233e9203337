<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
    <context>
        <name>LanguageDialog</name>
        <message>
            <source>Language</source>
            <translation>言語</translation>
        </message>
        <message>
            <source>Interface language:</source>
            <translation>表示言語:</translation>
        </message>
        <message>
            <source>The new language applies after GridScout is restarted.</source>
            <translation>新しい言語は GridScout の再起動後に適用されます。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>&amp;New Project</source>
            <extracomment>texts are marked for lupdate here and translated where they are shown (context MainWindow)</extracomment>
            <translation>新規プロジェクト(&amp;N)</translation>
        </message>
        <message>
            <source>Start an empty project</source>
            <translation>空のプロジェクトを開始</translation>
        </message>
        <message>
            <source>&amp;Open Project…</source>
            <translation>プロジェクトを開く(&amp;O)…</translation>
        </message>
        <message>
            <source>Open a .gridscout project</source>
            <translation>.gridscout プロジェクトを開く</translation>
        </message>
        <message>
            <source>&amp;Save Project</source>
            <translation>プロジェクトを保存(&amp;S)</translation>
        </message>
        <message>
            <source>Save the project</source>
            <translation>プロジェクトを保存</translation>
        </message>
        <message>
            <source>Save Project &amp;As…</source>
            <translation>名前を付けて保存(&amp;A)…</translation>
        </message>
        <message>
            <source>Save the project under a new name</source>
            <translation>プロジェクトを新しい名前で保存</translation>
        </message>
        <message>
            <source>&amp;Add Layer…</source>
            <translation>レイヤを追加(&amp;A)…</translation>
        </message>
        <message>
            <source>Add a layer from a GeoPackage, Shapefile, GeoJSON, CSV, GeoParquet or GeoTIFF file</source>
            <translation>GeoPackage・Shapefile・GeoJSON・CSV・GeoParquet・GeoTIFF ファイルからレイヤを追加</translation>
        </message>
        <message>
            <source>Import &amp;OpenStreetMap…</source>
            <translation>OpenStreetMap を取り込む(&amp;O)…</translation>
        </message>
        <message>
            <source>Import power lines, substations and power plants from an OpenStreetMap extract (.osm.pbf, .osm, .osm.bz2)</source>
            <translation>OpenStreetMap の抽出ファイル(.osm.pbf、.osm、.osm.bz2)から送電線・変電所・発電所を取り込む</translation>
        </message>
        <message>
            <source>&amp;Export Map…</source>
            <translation>地図を書き出す(&amp;E)…</translation>
        </message>
        <message>
            <source>Export the map as PDF or SVG (vector) or PNG, with legend, scale bar and sources</source>
            <translation>凡例・縮尺記号・出典付きで地図を PDF・SVG(ベクター)・PNG に書き出す</translation>
        </message>
        <message>
            <source>Export &amp;Report…</source>
            <translation>レポートを書き出す(&amp;R)…</translation>
        </message>
        <message>
            <source>Write the site report PDF: site comparison, maps, best parcels, sources</source>
            <translation>候補地レポート PDF を作成:候補地の比較、地図、上位の区画、出典</translation>
        </message>
        <message>
            <source>Export Layer &amp;Data…</source>
            <translation>レイヤデータを書き出す(&amp;D)…</translation>
        </message>
        <message>
            <source>Write a layer or the scored parcels to GeoPackage (QGIS-styled), GeoParquet, SHP, CSV …</source>
            <translation>レイヤまたは評価済みの区画を GeoPackage(QGIS スタイル付き)・GeoParquet・SHP・CSV などに書き出す</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>終了(&amp;Q)</translation>
        </message>
        <message>
            <source>Quit GridScout</source>
            <translation>GridScout を終了</translation>
        </message>
        <message>
            <source>Zoom &amp;In</source>
            <translation>拡大(&amp;I)</translation>
        </message>
        <message>
            <source>Zoom &amp;Out</source>
            <translation>縮小(&amp;O)</translation>
        </message>
        <message>
            <source>Zoom &amp;Full</source>
            <translation>全体表示(&amp;F)</translation>
        </message>
        <message>
            <source>Zoom to all layers</source>
            <translation>すべてのレイヤを表示</translation>
        </message>
        <message>
            <source>Zoom to &amp;Layer</source>
            <translation>レイヤにズーム(&amp;L)</translation>
        </message>
        <message>
            <source>Zoom to the selected layer</source>
            <translation>選択したレイヤにズーム</translation>
        </message>
        <message>
            <source>&amp;Pan</source>
            <translation>移動(&amp;P)</translation>
        </message>
        <message>
            <source>Pan the map (drag)</source>
            <translation>地図を移動(ドラッグ)</translation>
        </message>
        <message>
            <source>&amp;Identify Features</source>
            <translation>地物情報を表示(&amp;I)</translation>
        </message>
        <message>
            <source>Click a feature to see its attributes and score</source>
            <translation>地物をクリックして属性とスコアを表示</translation>
        </message>
        <message>
            <source>&amp;Select Features</source>
            <translation>地物を選択(&amp;S)</translation>
        </message>
        <message>
            <source>Click or drag to select parcels</source>
            <translation>クリックまたはドラッグで区画を選択</translation>
        </message>
        <message>
            <source>&amp;Measure Distance</source>
            <translation>距離を測定(&amp;M)</translation>
        </message>
        <message>
            <source>Measure geodesic distances on WGS84</source>
            <translation>WGS84 上の測地線距離を測定</translation>
        </message>
        <message>
            <source>&amp;Backtest…</source>
            <translation>バックテスト(&amp;B)…</translation>
        </message>
        <message>
            <source>Check the score profile against known data-center sites (ROC AUC, lift, criteria)</source>
            <translation>既知のデータセンター立地でスコアプロファイルを検証(ROC AUC、リフト、評価基準)</translation>
        </message>
        <message>
            <source>&amp;Calibrate…</source>
            <translation>較正(&amp;C)…</translation>
        </message>
        <message>
            <source>Fit the score profile to known data-center sites and select the new profile</source>
            <translation>既知のデータセンター立地にスコアプロファイルを合わせ、新しいプロファイルを選択</translation>
        </message>
        <message>
            <source>&amp;Language…</source>
            <translation>言語(&amp;L)…</translation>
        </message>
        <message>
            <source>Choose the interface language (English, 日本語)</source>
            <translation>表示言語を選択(English、日本語)</translation>
        </message>
        <message>
            <source>&amp;About GridScout</source>
            <translation>GridScout について(&amp;A)</translation>
        </message>
        <message>
            <source>How to Load &amp;Real Data</source>
            <translation>実データの読み込み方(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>ファイル(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>表示(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Tools</source>
            <translation>ツール(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Settings</source>
            <translation>設定(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>ヘルプ(&amp;H)</translation>
        </message>
        <message>
            <source>Open &amp;Recent</source>
            <translation>最近使ったプロジェクト(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Bookmarks</source>
            <translation>ブックマーク(&amp;B)</translation>
        </message>
        <message>
            <source>&amp;Panels</source>
            <translation>パネル(&amp;P)</translation>
        </message>
        <message>
            <source>Main toolbar</source>
            <translation>メインツールバー</translation>
        </message>
        <message>
            <source>GIS files (*.gpkg *.geojson *.json *.shp *.zip *.fgb *.parquet *.geoparquet *.csv *.tsv *.tif *.tiff *.vrt *.mbtiles *.gridscout);;All files (*)</source>
            <translation>GIS ファイル (*.gpkg *.geojson *.json *.shp *.zip *.fgb *.parquet *.geoparquet *.csv *.tsv *.tif *.tiff *.vrt *.mbtiles *.gridscout);;すべてのファイル (*)</translation>
        </message>
        <message>
            <source>GridScout project (*.gridscout);;All files (*)</source>
            <extracomment>the first view of the demo keeps its sites this far (a fraction of the sites' span) from the edges</extracomment>
            <translation>GridScout プロジェクト (*.gridscout);;すべてのファイル (*)</translation>
        </message>
        <message>
            <source>The map could not draw everything: {msg}</source>
            <extracomment>"save" | "discard" | "cancel" for unsaved changes on close/new/open; tests replace it (name, help) of the commands that need no display, for Help (set by gui.app.run_app) which copy to open instead of a damaged project (None = none); tests replace it</extracomment>
            <translation>地図の一部を描画できませんでした: {msg}</translation>
        </message>
        <message>
            <source>The {panel} panel could not be opened</source>
            <translation>{panel}パネルを開けませんでした</translation>
        </message>
        <message>
            <source>Show {panel}</source>
            <translation>{panel}を表示</translation>
        </message>
        <message>
            <source>GridScout — {project}[*]</source>
            <translation>GridScout — {project}[*]</translation>
        </message>
        <message>
            <source>Site: {name}</source>
            <translation>候補地: {name}</translation>
        </message>
        <message>
            <source>Could not open {file}</source>
            <translation>{file} を開けませんでした</translation>
        </message>
        <message>
            <source>Could not open {file} either</source>
            <translation>{file} も開けませんでした</translation>
        </message>
        <message>
            <source>{file} is damaged ({what}); opened {copy} instead. Save writes it back to {file}.</source>
            <translation>{file} は破損しています({what})。代わりに {copy} を開きました。保存すると {file} に書き戻します。</translation>
        </message>
        <message>
            <source>Damaged project</source>
            <translation>破損したプロジェクト</translation>
        </message>
        <message>
            <source>Open the recovery file</source>
            <translation>復元ファイルを開く</translation>
        </message>
        <message>
            <source>Open the last good copy</source>
            <translation>最後の正常なコピーを開く</translation>
        </message>
        <message>
            <source>Open Project</source>
            <translation>プロジェクトを開く</translation>
        </message>
        <message>
            <source>Save Project As</source>
            <translation>名前を付けてプロジェクトを保存</translation>
        </message>
        <message>
            <source>Could not save {file}</source>
            <translation>{file} を保存できませんでした</translation>
        </message>
        <message>
            <source>Saved {file}</source>
            <translation>{file} を保存しました</translation>
        </message>
        <message>
            <source>Clear List</source>
            <translation>一覧を消去</translation>
        </message>
        <message>
            <source>Recover unsaved changes?</source>
            <translation>未保存の変更を復元しますか?</translation>
        </message>
        <message>
            <source>GridScout did not close cleanly last time. A recovery file of {file} with unsaved changes was found. Recover them?</source>
            <translation>前回 GridScout は正常に終了しませんでした。{file} の未保存の変更を含む復元ファイルが見つかりました。復元しますか?</translation>
        </message>
        <message>
            <source>Recover</source>
            <translation>復元</translation>
        </message>
        <message>
            <source>Discard</source>
            <translation>破棄</translation>
        </message>
        <message>
            <source>Recovery file: {file}</source>
            <translation>復元ファイル: {file}</translation>
        </message>
        <message>
            <source>Unsaved changes</source>
            <translation>未保存の変更</translation>
        </message>
        <message>
            <source>Save the changes to {project}?</source>
            <translation>{project} への変更を保存しますか?</translation>
        </message>
        <message>
            <source>Add Layer</source>
            <translation>レイヤを追加</translation>
        </message>
        <message>
            <source>Select a layer in the Layers panel first.</source>
            <translation>先にレイヤパネルでレイヤを選択してください。</translation>
        </message>
        <message>
            <source>The interface language changes when GridScout is restarted.</source>
            <translation>表示言語は GridScout の再起動後に切り替わります。</translation>
        </message>
    </context>
    <context>
        <name>Panels</name>
        <message>
            <source>Layers</source>
            <translation>レイヤ</translation>
        </message>
        <message>
            <source>Score</source>
            <translation>スコア</translation>
        </message>
        <message>
            <source>Identify</source>
            <translation>地物情報</translation>
        </message>
        <message>
            <source>Sites</source>
            <translation>候補地</translation>
        </message>
        <message>
            <source>Attribute table</source>
            <translation>属性テーブル</translation>
        </message>
    </context>
</TS>
