<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>AttributeModel</name>
    <message>
        <source>text</source>
        <extracomment>score result columns shown for a scored parcels layer: (result column, table column, unit divisor) shown right after the id column of a parcels layer column kinds as the header tooltips name them</extracomment>
        <translation>テキスト</translation>
    </message>
    <message>
        <source>number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>bool</source>
        <translation>真偽値</translation>
    </message>
    <message>
        <source>{name}: from the current score</source>
        <extracomment>what a missing (NaN) number says instead of nothing, e.g. &quot;excluded (in a flood zone)&quot;</extracomment>
        <translation>{name}: 現在の評価結果から</translation>
    </message>
    <message>
        <source>{name}: from the field notes</source>
        <translation>{name}: 現地メモから</translation>
    </message>
</context>
<context>
    <name>AttributeTablePanel</name>
    <message>
        <source>Filter not applied: {exc}</source>
        <translation>フィルタを適用できません: {exc}</translation>
    </message>
    <message>
        <source>Select rows in the attribute table first.</source>
        <translation>先に属性テーブルで行を選択してください。</translation>
    </message>
    <message>
        <source>Field note…</source>
        <translation>現地メモ…</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>状態を設定</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>選択範囲にズーム</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>選択を解除</translation>
    </message>
    <message>
        <source>No vector layer to show.</source>
        <translation>表示できるベクターレイヤがありません。</translation>
    </message>
    <message>
        <source>{shown:,} of {total:,} rows shown · {selected:,} selected</source>
        <translation>{total:,} 行中 {shown:,} 行を表示 · {selected:,} 行を選択</translation>
    </message>
    <message>
        <source> · sorted by {column} (descending)</source>
        <translation> · {column} で並べ替え(降順)</translation>
    </message>
    <message>
        <source> · sorted by {column} (ascending)</source>
        <translation> · {column} で並べ替え(昇順)</translation>
    </message>
</context>
<context>
    <name>AttributeToolbar</name>
    <message>
        <source>Filter: score &gt; 60 · status = shortlisted · substation_kv &gt;= 230 and score &gt; 50 · or text to find</source>
        <translation>フィルタ: score &gt; 60 · status = shortlisted · substation_kv &gt;= 230 and score &gt; 50 · または検索する文字列</translation>
    </message>
    <message>
        <source>Conditions on columns: = != &gt; &gt;= &lt; &lt;= and ~ (contains), joined with and / or / not,
e.g. score &gt; 60 and status = shortlisted. Text without an operator searches the name and id columns.</source>
        <translation>列の条件: = != &gt; &gt;= &lt; &lt;= と ~(含む)を and / or / not で組み合わせます。
例: score &gt; 60 and status = shortlisted。演算子のない文字列は名前と ID の列を検索します。</translation>
    </message>
    <message>
        <source>any note</source>
        <translation>メモあり</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>レイヤ</translation>
    </message>
    <message>
        <source>all statuses</source>
        <translation>すべての状態</translation>
    </message>
    <message>
        <source>Show only parcels with this field-note status</source>
        <translation>この現地メモ状態の区画だけを表示</translation>
    </message>
    <message>
        <source>Selected only</source>
        <translation>選択のみ</translation>
    </message>
    <message>
        <source>Show only the selected rows</source>
        <translation>選択した行だけを表示</translation>
    </message>
    <message>
        <source>Zoom to selection</source>
        <translation>選択範囲にズーム</translation>
    </message>
    <message>
        <source>Show the selected rows on the map (or double-click a row)</source>
        <translation>選択した行を地図に表示(行のダブルクリックでも可)</translation>
    </message>
    <message>
        <source>Clear selection</source>
        <translation>選択を解除</translation>
    </message>
</context>
<context>
    <name>BacktestDialog</name>
    <message>
        <source>Backtest against known sites</source>
        <translation>既知の立地によるバックテスト</translation>
    </message>
    <message>
        <source>Known sites layer:</source>
        <translation>既知の立地レイヤ:</translation>
    </message>
    <message>
        <source>Profile:</source>
        <translation>プロファイル:</translation>
    </message>
    <message>
        <source>Run backtest</source>
        <translation>バックテストを実行</translation>
    </message>
    <message>
        <source>Calibrate…</source>
        <translation>較正…</translation>
    </message>
    <message>
        <source>Fit the profile to these known sites and select the new profile</source>
        <translation>これらの既知の立地にプロファイルを合わせ、新しいプロファイルを選択</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>閉じる</translation>
    </message>
    <message>
        <source>Choose the layer of known data-center sites and run the backtest.</source>
        <translation>既知のデータセンター立地のレイヤを選び、バックテストを実行してください。</translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation>偽陽性率</translation>
    </message>
    <message>
        <source>true positive rate (known sites)</source>
        <translation>真陽性率(既知の立地)</translation>
    </message>
    <message>
        <source>Top</source>
        <translation>上位</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候補数</translation>
    </message>
    <message>
        <source>Known</source>
        <translation>既知</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>適合率</translation>
    </message>
    <message>
        <source>Lift</source>
        <translation>リフト</translation>
    </message>
    <message>
        <source>Recall</source>
        <translation>再現率</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>評価基準</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重み</translation>
    </message>
    <message>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <source>Median known</source>
        <translation>既知の中央値</translation>
    </message>
    <message>
        <source>Median other</source>
        <translation>その他の中央値</translation>
    </message>
    <message>
        <source>&lt;b&gt;Precision and lift at the top&lt;/b&gt;</source>
        <translation>&lt;b&gt;上位での適合率とリフト&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Each criterion alone&lt;/b&gt;</source>
        <translation>&lt;b&gt;評価基準ごとの単独評価&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Backtesting…</source>
        <extracomment>calibration settings (block size, folds, optimiser budget)</extracomment>
        <translation>バックテスト中…</translation>
    </message>
    <message>
        <source>Backtest</source>
        <translation>バックテスト</translation>
    </message>
    <message>
        <source>&lt;b&gt;ROC AUC {auc:.3f}&lt;/b&gt; (95% interval {low:.3f}–{high:.3f}; 0.5 = chance) — {known:,} of {candidates:,} candidates hold a known site of layer {layer}</source>
        <translation>&lt;b&gt;ROC AUC {auc:.3f}&lt;/b&gt;(95% 区間 {low:.3f}–{high:.3f}、0.5 = 偶然)— {candidates:,} 件の候補のうち {known:,} 件にレイヤ {layer} の既知の立地があります</translation>
    </message>
    <message>
        <source>ROC — profile {profile}: AUC {auc:.3f}</source>
        <translation>ROC — プロファイル {profile}: AUC {auc:.3f}</translation>
    </message>
    <message>
        <source>Save Calibrated Profile</source>
        <translation>較正済みプロファイルを保存</translation>
    </message>
    <message>
        <source>Profiles (*.toml)</source>
        <translation>プロファイル (*.toml)</translation>
    </message>
    <message>
        <source>Calibrating…</source>
        <translation>較正中…</translation>
    </message>
    <message>
        <source>Calibrate</source>
        <translation>較正</translation>
    </message>
    <message>
        <source>Wrote &lt;b&gt;{file}&lt;/b&gt; and selected it: cross-validated AUC {cv:.3f} (start {start:.3f}), in-sample {in_sample:.3f}. Run the backtest again to see the new profile.</source>
        <translation>&lt;b&gt;{file}&lt;/b&gt; を書き出して選択しました: 交差検証 AUC {cv:.3f}(開始時 {start:.3f})、学習データ内 {in_sample:.3f}。新しいプロファイルを確認するにはバックテストを再実行してください。</translation>
    </message>
</context>
<context>
    <name>ChooseLayersDialog</name>
    <message>
        <source>Add Layers — {path}</source>
        <translation>レイヤを追加 — {path}</translation>
    </message>
    <message>
        <source>{path} holds {layers} layers. Choose the ones to add:</source>
        <translation>{path} には {layers} 個のレイヤがあります。追加するものを選んでください:</translation>
    </message>
</context>
<context>
    <name>ConfirmLayerDialog</name>
    <message>
        <source>Add Layer — {label}</source>
        <translation>レイヤを追加 — {label}</translation>
    </message>
    <message>
        <source>  (detected, {score:.0%})</source>
        <translation> (検出、{score:.0%})</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>Source column</source>
        <translation>元の列</translation>
    </message>
    <message>
        <source>Add Layer</source>
        <translation>レイヤを追加</translation>
    </message>
    <message>
        <source>GridScout could not tell what this layer holds: choose its kind.</source>
        <translation>このレイヤの内容を判別できませんでした。種類を選んでください。</translation>
    </message>
    <message>
        <source>Check the kind and which source column feeds each field; change them if needed.</source>
        <translation>種類と、各フィールドに対応する元の列を確認し、必要なら変更してください。</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（なし）</translation>
    </message>
</context>
<context>
    <name>CriterionControls</name>
    <message>
        <source>criterion {id} ({type}), transform {name}</source>
        <translation>評価基準 {id}({type})、変換 {name}</translation>
    </message>
    <message>
        <source>Weight: how much this criterion counts (0 = not at all)</source>
        <translation>重み: この評価基準をどれだけ重視するか(0 = 考慮しない)</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>重み</translation>
    </message>
</context>
<context>
    <name>FieldNoteDialog</name>
    <message>
        <source>Field note</source>
        <translation>現地メモ</translation>
    </message>
    <message>
        <source>Field notes ({n} parcels)</source>
        <translation>現地メモ({n} 区画)</translation>
    </message>
</context>
<context>
    <name>FieldNoteEditor</name>
    <message>
        <source>Field note</source>
        <translation>現地メモ</translation>
    </message>
    <message>
        <source>Field status of the parcel (shown as a coloured outline on the map)</source>
        <translation>区画の現地調査状態(地図上に色付きの輪郭で表示)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>What you saw in the field…</source>
        <translation>現地で確認したこと…</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>メモを保存</translation>
    </message>
    <message>
        <source>Save the status and note (Ctrl+Return)</source>
        <translation>状態とメモを保存(Ctrl+Return)</translation>
    </message>
    <message>
        <source>Revert</source>
        <translation>元に戻す</translation>
    </message>
    <message>
        <source>Field note — select a parcel</source>
        <translation>現地メモ — 区画を選択してください</translation>
    </message>
    <message>
        <source>Field note — parcel {ids}</source>
        <translation>現地メモ — 区画 {ids}</translation>
    </message>
    <message>
        <source>Last updated {date}</source>
        <translation>最終更新 {date}</translation>
    </message>
    <message>
        <source>No note yet</source>
        <translation>メモはまだありません</translation>
    </message>
    <message>
        <source>Field note — {ids:,} parcels selected</source>
        <translation>現地メモ — {ids:,} 区画を選択中</translation>
    </message>
    <message>
        <source>Select one parcel to write its note; the status applies to all selected.</source>
        <translation>メモを書くには区画を 1 つ選択してください。状態は選択したすべての区画に適用されます。</translation>
    </message>
</context>
<context>
    <name>FieldNotes</name>
    <message>
        <source>unvisited</source>
        <extracomment>statuses drawn as outlines on the map (an unvisited parcel keeps its plain look) the note statuses (layers.project.NOTE_STATUSES) as the interface shows them</extracomment>
        <translation>未訪問</translation>
    </message>
    <message>
        <source>visited</source>
        <translation>訪問済み</translation>
    </message>
    <message>
        <source>shortlisted</source>
        <translation>有力候補</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>不採用</translation>
    </message>
</context>
<context>
    <name>HowToDialog</name>
    <message>
        <source>
&lt;h2&gt;How to load real data&lt;/h2&gt;
&lt;p&gt;Use &lt;b&gt;File › Add Layer…&lt;/b&gt; (Ctrl+Shift+A) or drop files on the window. GridScout reads
GeoPackage, Shapefile (.shp or zipped), GeoJSON, FlatGeobuf, GeoParquet, CSV with coordinates or
WKT, and GeoTIFF rasters. It detects what each layer holds (parcels, substations, transmission lines,
power plants, candidate sites, raster) and which columns feed its fields; you confirm or change both
before loading. Every problem found (missing CRS, broken geometries, voltages such as
&lt;code&gt;500000;230000&lt;/code&gt; or &lt;code&gt;dc1500&lt;/code&gt;, plant outputs such as &lt;code&gt;2.36 GW&lt;/code&gt;) is listed
in the layer&apos;s validation report: Layers panel › Properties.&lt;/p&gt;
&lt;h3&gt;Where to get the data&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;Substations and lines&lt;/b&gt;: OpenStreetMap extracts (&lt;code&gt;.osm.pbf&lt;/code&gt; from an extract
site){osm}. US: HIFLD electric substations and transmission lines.&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Power plants&lt;/b&gt;: EIA-860 / EIA-860M (US), WRI Global Power Plant Database (world).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Parcels&lt;/b&gt;: county or broker files (Shapefile, GeoPackage, CSV with WKT).&lt;/li&gt;
&lt;li&gt;&lt;b&gt;Rasters&lt;/b&gt;: elevation, slope or flood zones as GeoTIFF.&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;Maps made from OpenStreetMap data carry “© OpenStreetMap contributors”.&lt;/p&gt;
&lt;h3&gt;Without the app&lt;/h3&gt;
&lt;p&gt;These commands work without a display:&lt;/p&gt;
&lt;ul&gt;{commands}&lt;/ul&gt;
&lt;p&gt;&lt;code&gt;gridscout SUBCOMMAND --help&lt;/code&gt; tells the details.&lt;/p&gt;
</source>
        <translation>
&lt;h2&gt;実データの読み込み方&lt;/h2&gt;
&lt;p&gt;&lt;b&gt;ファイル › レイヤを追加…&lt;/b&gt;(Ctrl+Shift+A)を使うか、ファイルをウィンドウにドロップしてください。GridScout は
GeoPackage、Shapefile(.shp または zip)、GeoJSON、FlatGeobuf、GeoParquet、座標または WKT を含む CSV、
GeoTIFF ラスタを読み込みます。各レイヤの内容(区画、変電所、送電線、発電所、候補地、ラスタ)と、
各フィールドに対応する列を自動で判別し、読み込む前に確認・変更できます。見つかった問題(CRS がない、
ジオメトリの破損、&lt;code&gt;500000;230000&lt;/code&gt; や &lt;code&gt;dc1500&lt;/code&gt; のような電圧、&lt;code&gt;2.36 GW&lt;/code&gt; のような発電所出力)は
レイヤの検証レポートに一覧表示されます: レイヤパネル › プロパティ。&lt;/p&gt;
&lt;h3&gt;データの入手先&lt;/h3&gt;
&lt;ul&gt;
&lt;li&gt;&lt;b&gt;変電所と送電線&lt;/b&gt;: OpenStreetMap の抽出ファイル(抽出サイトの &lt;code&gt;.osm.pbf&lt;/code&gt;){osm}。米国: HIFLD の変電所・送電線。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;発電所&lt;/b&gt;: EIA-860 / EIA-860M(米国)、WRI Global Power Plant Database(世界)。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;区画&lt;/b&gt;: 郡や仲介業者のファイル(Shapefile、GeoPackage、WKT 付き CSV)。&lt;/li&gt;
&lt;li&gt;&lt;b&gt;ラスタ&lt;/b&gt;: 標高・傾斜・浸水想定区域などの GeoTIFF。&lt;/li&gt;
&lt;/ul&gt;
&lt;p&gt;OpenStreetMap のデータから作った地図には「© OpenStreetMap contributors」と表示します。&lt;/p&gt;
&lt;h3&gt;アプリを使わずに&lt;/h3&gt;
&lt;p&gt;次のコマンドはディスプレイなしで使えます:&lt;/p&gt;
&lt;ul&gt;{commands}&lt;/ul&gt;
&lt;p&gt;詳しくは &lt;code&gt;gridscout SUBCOMMAND --help&lt;/code&gt; をご覧ください。&lt;/p&gt;
</translation>
    </message>
    <message>
        <source>, converted with &lt;code&gt;gridscout import-osm REGION.osm.pbf&lt;/code&gt;</source>
        <translation>、&lt;code&gt;gridscout import-osm REGION.osm.pbf&lt;/code&gt; で変換</translation>
    </message>
    <message>
        <source>&lt;li&gt;&lt;code&gt;gridscout --help&lt;/code&gt; lists them&lt;/li&gt;</source>
        <translation>&lt;li&gt;&lt;code&gt;gridscout --help&lt;/code&gt; で一覧を表示&lt;/li&gt;</translation>
    </message>
    <message>
        <source>About GridScout</source>
        <translation>GridScout について</translation>
    </message>
    <message>
        <source>&lt;p&gt;Scores land parcels for power proximity — distance to high-voltage substations and lines, nearby generation and the estimated interconnection cost — for data-center site scouting.&lt;/p&gt;&lt;p&gt;Distances are geodesic on WGS84; the map is drawn in Web Mercator for display only.&lt;/p&gt;&lt;p&gt;Basemap and OpenStreetMap-derived data © OpenStreetMap contributors (ODbL).&lt;/p&gt;</source>
        <translation>&lt;p&gt;データセンターの用地探しのために、電力への近さ(高圧の変電所・送電線までの距離、近隣の発電、推定系統連系費用)で土地区画を評価します。&lt;/p&gt;&lt;p&gt;距離は WGS84 上の測地線距離です。地図は表示のためだけに Web メルカトルで描画しています。&lt;/p&gt;&lt;p&gt;背景地図と OpenStreetMap 由来のデータ © OpenStreetMap contributors (ODbL)。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>How to load real data</source>
        <translation>実データの読み込み方</translation>
    </message>
</context>
<context>
    <name>IdentifyPanel</name>
    <message>
        <source>Choose the Identify tool (I) and click a parcel or a feature on the map.</source>
        <translation>地物情報ツール(I)を選び、地図上の区画または地物をクリックしてください。</translation>
    </message>
    <message>
        <source>substation</source>
        <extracomment>what NearestFeature.what names, as the panel says it</extracomment>
        <translation>変電所</translation>
    </message>
    <message>
        <source>line</source>
        <translation>送電線</translation>
    </message>
    <message>
        <source>Score</source>
        <extracomment>what is shown: (layer name, row) or None</extracomment>
        <translation>スコア</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>値</translation>
    </message>
    <message>
        <source> (1 of {count} features here)</source>
        <translation>(この地点の {count} 件中 1 件目)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Parcel {pid}&lt;/b&gt; — {layer}{more}</source>
        <translation>&lt;b&gt;区画 {pid}&lt;/b&gt; — {layer}{more}</translation>
    </message>
    <message>
        <source>feature {n}</source>
        <translation>地物 {n}</translation>
    </message>
    <message>
        <source>{kind} at {lat:.5f}, {lon:.5f}</source>
        <translation>{kind}(位置 {lat:.5f}, {lon:.5f})</translation>
    </message>
    <message>
        <source>Scoring… the explanation appears when it is done.</source>
        <translation>評価中…完了すると説明が表示されます。</translation>
    </message>
    <message>
        <source>Not scored: {why}</source>
        <translation>未評価: {why}</translation>
    </message>
    <message>
        <source>no scores yet.</source>
        <translation>まだスコアがありません。</translation>
    </message>
    <message>
        <source>Not scored.</source>
        <translation>未評価です。</translation>
    </message>
    <message>
        <source>Score: {heading}</source>
        <translation>スコア: {heading}</translation>
    </message>
    <message>
        <source>Nearest qualifying {what}: &lt;b&gt;{name}&lt;/b&gt;</source>
        <translation>条件を満たす最寄りの{what}: &lt;b&gt;{name}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>excluded ({why})</source>
        <translation>除外({why})</translation>
    </message>
    <message>
        <source>excluded</source>
        <translation>除外</translation>
    </message>
    <message>
        <source>{score:.1f} of 100 · rank {rank:,} of {ranked:,} ranked</source>
        <translation>100 点中 {score:.1f} 点 · {ranked:,} 区画中 {rank:,} 位</translation>
    </message>
</context>
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
    <name>LayerKind</name>
    <message>
        <source>Parcels</source>
        <translation>区画</translation>
    </message>
    <message>
        <source>Substations</source>
        <translation>変電所</translation>
    </message>
    <message>
        <source>Transmission lines</source>
        <translation>送電線</translation>
    </message>
    <message>
        <source>Power plants</source>
        <translation>発電所</translation>
    </message>
    <message>
        <source>Candidate sites</source>
        <translation>候補地</translation>
    </message>
    <message>
        <source>Basemap</source>
        <translation>背景地図</translation>
    </message>
    <message>
        <source>Raster</source>
        <translation>ラスタ</translation>
    </message>
</context>
<context>
    <name>LayerLoader</name>
    <message>
        <source>raster</source>
        <extracomment>shows a dialog and returns True when accepted; tests replace it</extracomment>
        <translation>ラスタ</translation>
    </message>
    <message>
        <source>{n:,} features</source>
        <translation>地物 {n:,} 件</translation>
    </message>
    <message>
        <source>Added {name} ({count}); {dropped:,} rows dropped, {problems} problem(s) found — see Layer Properties for the validation report.</source>
        <translation>{name} を追加しました（{count}）。{dropped:,} 行を除外、問題 {problems} 件 — 検証レポートはレイヤのプロパティで確認できます。</translation>
    </message>
    <message>
        <source>Added {name} ({count}).</source>
        <translation>{name} を追加しました({count})。</translation>
    </message>
    <message>
        <source>{title}: cancelled.</source>
        <translation>{title}: 中止しました。</translation>
    </message>
</context>
<context>
    <name>LayerPropertiesDialog</name>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>none</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>ソース</translation>
    </message>
    <message>
        <source>CRS</source>
        <translation>座標参照系</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>地物数</translation>
    </message>
    <message>
        <source>raster</source>
        <translation>ラスタ</translation>
    </message>
    <message>
        <source>Geometry</source>
        <translation>ジオメトリ</translation>
    </message>
    <message>
        <source>Rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>{read:,} read, {kept:,} kept, {dropped:,} dropped</source>
        <translation>読込 {read:,}、採用 {kept:,}、除外 {dropped:,}</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>表示</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>no</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
    </message>
    <message>
        <source>Layer Properties — {name}</source>
        <translation>レイヤのプロパティ — {name}</translation>
    </message>
    <message>
        <source>Field mapping (canonical field ← source column)</source>
        <translation>フィールドの対応(標準フィールド ← 元の列)</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>フィールド</translation>
    </message>
    <message>
        <source>Source column</source>
        <translation>元の列</translation>
    </message>
    <message>
        <source>Validation report</source>
        <translation>検証レポート</translation>
    </message>
</context>
<context>
    <name>LayerStyleDialog</name>
    <message>
        <source>Red–yellow–green (score)</source>
        <translation>赤–黄–緑（スコア）</translation>
    </message>
    <message>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <source>Yellow–orange–red</source>
        <translation>黄–橙–赤</translation>
    </message>
    <message>
        <source>Blues</source>
        <translation>青系</translation>
    </message>
    <message>
        <source>Greys</source>
        <translation>灰色系</translation>
    </message>
    <message>
        <source>Style — {name}</source>
        <translation>スタイル — {name}</translation>
    </message>
    <message>
        <source>Fill (before scoring)</source>
        <translation>塗り(評価前)</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>輪郭</translation>
    </message>
    <message>
        <source>Score colour ramp (low → high)</source>
        <translation>スコアの配色(低 → 高)</translation>
    </message>
    <message>
        <source>Score classes (equal intervals of 0–100)</source>
        <translation>スコア階級数(0–100 の等間隔)</translation>
    </message>
    <message>
        <source>Colour by voltage class (OpenInfraMap):</source>
        <translation>電圧階級ごとの色（OpenInfraMap）：</translation>
    </message>
    <message>
        <source>Voltage</source>
        <translation>電圧</translation>
    </message>
    <message>
        <source>Colour by fuel:</source>
        <translation>燃料ごとの色：</translation>
    </message>
    <message>
        <source>Fuel</source>
        <translation>燃料</translation>
    </message>
    <message>
        <source>Fill colour</source>
        <translation>塗りの色</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>色</translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <source>Opacity of the selected layer</source>
        <translation>選択したレイヤの不透明度</translation>
    </message>
    <message>
        <source>Zoom to Layer</source>
        <translation>レイヤにズーム</translation>
    </message>
    <message>
        <source>Style…</source>
        <translation>スタイル…</translation>
    </message>
    <message>
        <source>Properties…</source>
        <translation>プロパティ…</translation>
    </message>
    <message>
        <source>Remove Layer</source>
        <translation>レイヤを削除</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>不透明度</translation>
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
        <extracomment>the first view of the demo keeps its sites this far (a fraction of the sites&apos; span) from the edges</extracomment>
        <translation>GridScout プロジェクト (*.gridscout);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>The map could not draw everything: {msg}</source>
        <extracomment>&quot;save&quot; | &quot;discard&quot; | &quot;cancel&quot; for unsaved changes on close/new/open; tests replace it (name, help) of the commands that need no display, for Help (set by gui.app.run_app) which copy to open instead of a damaged project (None = none); tests replace it</extracomment>
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
    <name>MapContextMenu</name>
    <message>
        <source>Site name:</source>
        <translation>候補地の名前:</translation>
    </message>
    <message>
        <source>Move {name} here</source>
        <translation>{name} をここへ移動</translation>
    </message>
    <message>
        <source>Cancel moving {name}</source>
        <translation>{name} の移動を取り消す</translation>
    </message>
    <message>
        <source>Add candidate site here</source>
        <translation>ここに候補地を追加</translation>
    </message>
    <message>
        <source>Move {site}…</source>
        <translation>{site} を移動…</translation>
    </message>
    <message>
        <source>Rename {site}…</source>
        <translation>{site} の名前を変更…</translation>
    </message>
    <message>
        <source>Delete {site}</source>
        <translation>{site} を削除</translation>
    </message>
    <message>
        <source>Right-click where {name} should go and choose &quot;Move {name} here&quot;.</source>
        <translation>{name} の移動先を右クリックし、「{name} をここへ移動」を選んでください。</translation>
    </message>
</context>
<context>
    <name>MapNoteMenu</name>
    <message>
        <source>Field note for {pid}…</source>
        <translation>{pid} の現地メモ…</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>状態を設定</translation>
    </message>
    <message>
        <source>Show in attribute table</source>
        <translation>属性テーブルで表示</translation>
    </message>
</context>
<context>
    <name>MeasurePanel</name>
    <message>
        <source>&lt;b&gt;Measure&lt;/b&gt; &lt;span style=&apos;color:#606060&apos;&gt;(geodesic, WGS84)&lt;/span&gt;</source>
        <translation>&lt;b&gt;計測&lt;/b&gt; &lt;span style=&apos;color:#606060&apos;&gt;(測地線、WGS84)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>クリア</translation>
    </message>
    <message>
        <source>Start a new measurement</source>
        <translation>新しい計測を開始</translation>
    </message>
    <message>
        <source>Close the measure panel (back to Pan)</source>
        <translation>計測パネルを閉じる(移動ツールに戻る)</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>長さ</translation>
    </message>
    <message>
        <source>Last segment</source>
        <translation>最後の区間</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>面積</translation>
    </message>
    <message>
        <source>Perimeter</source>
        <translation>周長</translation>
    </message>
    <message>
        <source>Finished. Click to start a new measurement.</source>
        <translation>終了しました。クリックすると新しい計測を開始します。</translation>
    </message>
</context>
<context>
    <name>MessageItem</name>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>閉じる</translation>
    </message>
</context>
<context>
    <name>OsmImportDialog</name>
    <message>
        <source>Import OpenStreetMap</source>
        <translation>OpenStreetMap を取り込む</translation>
    </message>
    <message>
        <source>Import the power lines, substations and power plants of &lt;b&gt;{name}&lt;/b&gt;.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; から送電線・変電所・発電所を取り込みます。</translation>
    </message>
    <message>
        <source>Only features in a bounding box (WGS84 degrees)</source>
        <translation>範囲内の地物のみ(WGS84 の度)</translation>
    </message>
    <message>
        <source>Current map extent</source>
        <translation>現在の地図の範囲</translation>
    </message>
    <message>
        <source>West (min lon)</source>
        <translation>西端（最小経度）</translation>
    </message>
    <message>
        <source>South (min lat)</source>
        <translation>南端（最小緯度）</translation>
    </message>
    <message>
        <source>East (max lon)</source>
        <translation>東端（最大経度）</translation>
    </message>
    <message>
        <source>North (max lat)</source>
        <translation>北端（最大緯度）</translation>
    </message>
    <message>
        <source>Also import features under construction, proposed or disused</source>
        <translation>建設中・計画中・廃止の地物も取り込む</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>取り込む</translation>
    </message>
    <message>
        <source>West must be less than east and south less than north.</source>
        <translation>西端は東端より小さく、南端は北端より小さくしてください。</translation>
    </message>
</context>
<context>
    <name>OsmImporter</name>
    <message>
        <source>1 transmission line</source>
        <extracomment>layer names in the project, in the order they are added (the last one ends up on top)</extracomment>
        <translation>送電線 1 本</translation>
    </message>
    <message>
        <source>{n:,} transmission lines</source>
        <translation>送電線 {n:,} 本</translation>
    </message>
    <message>
        <source>1 substation</source>
        <translation>変電所 1 か所</translation>
    </message>
    <message>
        <source>{n:,} substations</source>
        <translation>変電所 {n:,} か所</translation>
    </message>
    <message>
        <source>1 power plant</source>
        <translation>発電所 1 か所</translation>
    </message>
    <message>
        <source>{n:,} power plants</source>
        <translation>発電所 {n:,} か所</translation>
    </message>
    <message>
        <source>Import OpenStreetMap</source>
        <extracomment>the file to import (None: the user cancelled); tests replace it shows the options dialog and returns True when accepted; tests replace it the running import&apos;s Task (its ``dialog`` has the Cancel button), or None</extracomment>
        <translation>OpenStreetMap を取り込む</translation>
    </message>
    <message>
        <source>Could not import {path}</source>
        <translation>{path} を取り込めませんでした</translation>
    </message>
    <message>
        <source>Could not import {name}: the file does not exist.</source>
        <translation>{name} を取り込めませんでした: ファイルがありません。</translation>
    </message>
    <message>
        <source>Import of {name} cancelled; nothing was added.</source>
        <translation>{name} の取り込みを中止しました。何も追加されていません。</translation>
    </message>
    <message>
        <source>Could not import {name}</source>
        <translation>{name} を取り込めませんでした</translation>
    </message>
    <message>
        <source>{name}: no power lines, substations or power plants found inside the bounding box; nothing was added.</source>
        <translation>{name}：範囲内に送電線・変電所・発電所が見つかりませんでした。何も追加していません。</translation>
    </message>
    <message>
        <source>{name}: no power lines, substations or power plants found; nothing was added.</source>
        <translation>{name}：送電線・変電所・発電所が見つかりませんでした。何も追加していません。</translation>
    </message>
    <message>
        <source>Imported {counts} from {name} (data {attribution}).</source>
        <translation>{name} から {counts} を取り込みました（データ {attribution}）。</translation>
    </message>
    <message>
        <source> 1 data problem reported — see Details.</source>
        <translation> データの問題を 1 件報告しました — 詳細をご覧ください。</translation>
    </message>
    <message>
        <source> {n:,} data problems reported — see Details.</source>
        <translation> データの問題を {n:,} 件報告しました — 詳細をご覧ください。</translation>
    </message>
</context>
<context>
    <name>OsmSummary</name>
    <message>
        <source>nothing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>{source}: power objects read: {read}; imported: {kept} ({seconds:.1f} s)</source>
        <translation>{source}：読み込んだ電力オブジェクト {read}。取り込み {kept}（{seconds:.1f} 秒）</translation>
    </message>
    <message>
        <source>no problems found</source>
        <translation>問題は見つかりませんでした</translation>
    </message>
    <message>
        <source>; e.g. {examples}</source>
        <translation>。例：{examples}</translation>
    </message>
    <message>
        <source>{n:,} nodes</source>
        <translation>ノード {n:,} 件</translation>
    </message>
    <message>
        <source>{n:,} ways</source>
        <translation>ウェイ {n:,} 件</translation>
    </message>
    <message>
        <source>{n:,} relations</source>
        <translation>リレーション {n:,} 件</translation>
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
<context>
    <name>ScanTool</name>
    <message>
        <source>Scan This &amp;View…</source>
        <extracomment>the finest resolution whose cell count over the view stays below this is the default</extracomment>
        <translation>この範囲をスキャン(&amp;V)…</translation>
    </message>
    <message>
        <source>Score an H3 hexagon surface over the map&apos;s extent (no parcels needed)</source>
        <translation>地図の範囲を H3 六角形グリッドで評価(区画は不要)</translation>
    </message>
    <message>
        <source>&amp;Find Sites in Scan…</source>
        <translation>スキャンから候補地を探す(&amp;F)…</translation>
    </message>
    <message>
        <source>Merge good scan cells into candidate sites of the campus&apos;s size</source>
        <translation>評価の高いスキャンセルをキャンパス規模の候補地にまとめる</translation>
    </message>
    <message>
        <source>Scan This View</source>
        <translation>この範囲をスキャン</translation>
    </message>
    <message>
        <source>Find Sites</source>
        <translation>候補地を探す</translation>
    </message>
    <message>
        <source>Lowest cell score in a site:</source>
        <translation>候補地に含めるセルの最低スコア:</translation>
    </message>
    <message>
        <source>Scan a view first (Tools › Scan This View).</source>
        <translation>先に範囲をスキャンしてください(ツール › この範囲をスキャン)。</translation>
    </message>
</context>
<context>
    <name>ScanView</name>
    <message>
        <source>&amp;Edit</source>
        <translation>編集(&amp;E)</translation>
    </message>
</context>
<context>
    <name>ScoreHistogram</name>
    <message>
        <source>score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>parcels</source>
        <translation>区画数</translation>
    </message>
</context>
<context>
    <name>ScorePanel</name>
    <message>
        <source>Open profile…</source>
        <translation>プロファイルを開く…</translation>
    </message>
    <message>
        <source>Score profile (*.toml);;All files (*)</source>
        <translation>スコアプロファイル (*.toml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>プロファイル</translation>
    </message>
    <message>
        <source>Score profile: shipped profiles, or a .toml file</source>
        <translation>スコアプロファイル: 同梱のプロファイル、または .toml ファイル</translation>
    </message>
    <message>
        <source>Save profile…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Write the tuned profile as a TOML file</source>
        <translation>調整したプロファイルを TOML ファイルに書き出す</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation>キャンパス</translation>
    </message>
    <message>
        <source> MW</source>
        <translation> MW</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Campus size the deliverable-capacity and time-to-power criteria and the cost model plan for: only connections that can deliver it count</source>
        <translation>供給可能容量・受電までの期間の評価基準と費用モデルが想定するキャンパス規模:これを供給できる接続だけを数えます</translation>
    </message>
    <message>
        <source>Criteria — weight and threshold</source>
        <translation>評価基準 — 重みとしきい値</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Open a project to score its parcels.</source>
        <translation>区画を評価するにはプロジェクトを開いてください。</translation>
    </message>
    <message>
        <source>Map: parcel score</source>
        <translation>地図: 区画のスコア</translation>
    </message>
    <message>
        <source>project</source>
        <translation>プロジェクト</translation>
    </message>
    <message>
        <source>Could not open the profile</source>
        <translation>プロファイルを開けませんでした</translation>
    </message>
    <message>
        <source>Open Score Profile</source>
        <translation>スコアプロファイルを開く</translation>
    </message>
    <message>
        <source>Save Score Profile</source>
        <translation>スコアプロファイルを保存</translation>
    </message>
    <message>
        <source>Could not save the profile to {path}: {error}</source>
        <translation>プロファイルを {path} に保存できませんでした: {error}</translation>
    </message>
    <message>
        <source>Saved profile {name} to {path}</source>
        <translation>プロファイル {name} を {path} に保存しました</translation>
    </message>
    <message>
        <source>Scoring…</source>
        <translation>評価中…</translation>
    </message>
    <message>
        <source>excluded / not scored</source>
        <translation>除外/未評価</translation>
    </message>
    <message>
        <source>{lo:g}–{hi:g}   ({n:,} parcels)</source>
        <translation>{lo:g}–{hi:g}   ({n:,} 区画)</translation>
    </message>
    <message>
        <source>excluded   ({n:,})</source>
        <translation>除外   ({n:,})</translation>
    </message>
    <message>
        <source>Scoring… (the map shows the scores saved in the project)</source>
        <translation>評価中…(地図にはプロジェクトに保存されたスコアを表示中)</translation>
    </message>
    <message>
        <source>substation</source>
        <translation>変電所</translation>
    </message>
    <message>
        <source>line</source>
        <translation>送電線</translation>
    </message>
    <message>
        <source>plant</source>
        <translation>発電所</translation>
    </message>
    <message>
        <source>substations</source>
        <translation>変電所</translation>
    </message>
    <message>
        <source>lines</source>
        <translation>送電線</translation>
    </message>
    <message>
        <source>plants</source>
        <translation>発電所</translation>
    </message>
    <message>
        <source>{n:,} {noun} without capacity_mw</source>
        <translation>capacity_mw のない{noun} {n:,} 件</translation>
    </message>
    <message>
        <source>{n:,} {noun} not in service (planned, under construction, disused or retired)</source>
        <translation>運用中でない{noun} {n:,} 件(計画中・建設中・休止・廃止)</translation>
    </message>
    <message>
        <source>{n:,} {noun} of unknown voltage</source>
        <translation>電圧不明の{noun} {n:,} 件</translation>
    </message>
    <message>
        <source>&lt;b&gt;{scored:,}&lt;/b&gt; parcels scored with &lt;b&gt;{profile}&lt;/b&gt;: {kept:,} ranked, {excluded:,} excluded</source>
        <translation>&lt;b&gt;{profile}&lt;/b&gt; で &lt;b&gt;{scored:,}&lt;/b&gt; 区画を評価:順位付け {kept:,}、除外 {excluded:,}</translation>
    </message>
    <message>
        <source>excluded, {reason}: {n:,}</source>
        <translation>除外({reason}): {n:,}</translation>
    </message>
    <message>
        <source>left out: {what}</source>
        <translation>対象外: {what}</translation>
    </message>
    <message>
        <source>median score {median:.1f}, best {best:.1f}</source>
        <translation>スコア中央値 {median:.1f}、最高 {best:.1f}</translation>
    </message>
</context>
<context>
    <name>ScoringSession</name>
    <message>
        <source>Scoring parcels…</source>
        <translation>区画を評価中…</translation>
    </message>
    <message>
        <source>Scoring</source>
        <translation>評価</translation>
    </message>
</context>
<context>
    <name>SiteEditor</name>
    <message>
        <source>Add candidate sites layer</source>
        <translation>候補地レイヤを追加</translation>
    </message>
    <message>
        <source>Add candidate site</source>
        <translation>候補地を追加</translation>
    </message>
    <message>
        <source>Add site {name}</source>
        <translation>候補地 {name} を追加</translation>
    </message>
    <message>
        <source>Move site {name}</source>
        <translation>候補地 {name} を移動</translation>
    </message>
    <message>
        <source>Rename site {name} to {new_name}</source>
        <translation>候補地 {name} の名前を {new_name} に変更</translation>
    </message>
    <message>
        <source>Delete site {name}</source>
        <translation>候補地 {name} を削除</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>元に戻す(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>やり直し(&amp;R)</translation>
    </message>
</context>
<context>
    <name>SitesPanel</name>
    <message>
        <source>Site</source>
        <extracomment>(header, table column or None for the MW column, decimals, tooltip) (texts marked for lupdate, translated where shown; ``{within:g}`` is WITHIN_KM)</extracomment>
        <translation>候補地</translation>
    </message>
    <message>
        <source>Candidate site</source>
        <translation>候補地</translation>
    </message>
    <message>
        <source>Substation</source>
        <translation>変電所</translation>
    </message>
    <message>
        <source>Nearest qualifying substation</source>
        <translation>条件を満たす最寄りの変電所</translation>
    </message>
    <message>
        <source>kV</source>
        <translation>kV</translation>
    </message>
    <message>
        <source>Its highest voltage (kV)</source>
        <translation>その最高電圧(kV)</translation>
    </message>
    <message>
        <source>km</source>
        <translation>km</translation>
    </message>
    <message>
        <source>Geodesic distance site → substation (km)</source>
        <translation>候補地から変電所までの測地線距離(km)</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>送電線</translation>
    </message>
    <message>
        <source>Nearest qualifying transmission line</source>
        <translation>条件を満たす最寄りの送電線</translation>
    </message>
    <message>
        <source>Its voltage (kV)</source>
        <translation>その電圧(kV)</translation>
    </message>
    <message>
        <source>Geodesic distance site → line (km)</source>
        <translation>候補地から送電線までの測地線距離(km)</translation>
    </message>
    <message>
        <source>MW</source>
        <translation>MW</translation>
    </message>
    <message>
        <source>Generation capacity within the profile&apos;s radius (MW)</source>
        <translation>プロファイルの半径内の発電容量(MW)</translation>
    </message>
    <message>
        <source>Best score</source>
        <translation>最高スコア</translation>
    </message>
    <message>
        <source>Best parcel score within {within:g} km of the site</source>
        <translation>候補地から {within:g} km 以内の区画の最高スコア</translation>
    </message>
    <message>
        <source>Distance to nearest qualifying substation (km)</source>
        <extracomment>chart measures: (label, table column or None for MW, unit, decimals)</extracomment>
        <translation>条件を満たす最寄りの変電所までの距離(km)</translation>
    </message>
    <message>
        <source>Distance to nearest qualifying line (km)</source>
        <translation>条件を満たす最寄りの送電線までの距離(km)</translation>
    </message>
    <message>
        <source>Generation within the profile&apos;s radius (MW)</source>
        <translation>プロファイルの半径内の発電容量(MW)</translation>
    </message>
    <message>
        <source>Best parcel score within {within:g} km</source>
        <translation>{within:g} km 以内の区画の最高スコア</translation>
    </message>
    <message>
        <source>score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>Open a project with candidate sites to compare them.</source>
        <translation>候補地を比較するには、候補地のあるプロジェクトを開いてください。</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>グラフ</translation>
    </message>
    <message>
        <source>No candidate sites in this project. Add a layer of kind &apos;Candidate sites&apos; (points or polygons with a name) to compare sites.</source>
        <translation>このプロジェクトには候補地がありません。比較するには、種類が「候補地」のレイヤ(名前付きの点またはポリゴン)を追加してください。</translation>
    </message>
    <message>
        <source>Comparing {sites} sites…</source>
        <translation>{sites} か所の候補地を比較中…</translation>
    </message>
    <message>
        <source>Comparing candidate sites…</source>
        <translation>候補地を比較中…</translation>
    </message>
    <message>
        <source>{n} sites · profile &lt;b&gt;{profile}&lt;/b&gt;: substations ≥ {sub_kv:g} kV, lines ≥ {line_kv:g} kV, generation within {radius:g} km</source>
        <translation>候補地 {n} か所 · プロファイル &lt;b&gt;{profile}&lt;/b&gt;: 変電所 ≥ {sub_kv:g} kV、送電線 ≥ {line_kv:g} kV、発電所 {radius:g} km 以内</translation>
    </message>
    <message>
        <source> · best scores appear once the parcels are scored</source>
        <translation> · 区画の評価が終わると最高スコアが表示されます</translation>
    </message>
    <message>
        <source>Sites could not be compared: {exc}</source>
        <translation>候補地を比較できませんでした: {exc}</translation>
    </message>
    <message>
        <source>Comparing candidate sites</source>
        <translation>候補地の比較</translation>
    </message>
    <message>
        <source>MW ≤{radius:g} km</source>
        <translation>MW ≤{radius:g} km</translation>
    </message>
</context>
<context>
    <name>StatusBar</name>
    <message>
        <source>EPSG:4326 · display Web Mercator</source>
        <translation>EPSG:4326 · 表示 Web メルカトル</translation>
    </message>
    <message>
        <source>Cursor position (WGS84 longitude/latitude)</source>
        <translation>カーソル位置(WGS84 経度/緯度)</translation>
    </message>
    <message>
        <source>Map scale at the centre of the view (true ground distance)</source>
        <translation>表示中心での地図縮尺(実際の地上距離)</translation>
    </message>
    <message>
        <source>Data are stored and measured in WGS84 (EPSG:4326); the map is drawn in Web Mercator</source>
        <translation>データは WGS84(EPSG:4326)で保存・計測し、地図は Web メルカトルで描画しています</translation>
    </message>
    <message>
        <source>Measured: {text} (geodesic, WGS84; {points} segment(s))</source>
        <translation>計測: {text}(測地線、WGS84、{points} 区間)</translation>
    </message>
</context>
<context>
    <name>ValidationReport</name>
    <message>
        <source>info</source>
        <extracomment>language code → its name in that language (as the Settings dialog lists it) the context of texts marked with QT_TRANSLATE_NOOP(&quot;Wording&quot;, …) in scoring/ and layers/ what the value of a field can be, by the field&apos;s name (else any text, possibly empty)</extracomment>
        <translation>情報</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>{source}: {read:,} rows read, {kept:,} kept, {dropped:,} dropped</source>
        <translation>{source}：{read:,} 行を読込、{kept:,} 行を採用、{dropped:,} 行を除外</translation>
    </message>
    <message>
        <source>{head}; no problems found</source>
        <translation>{head}。問題は見つかりませんでした</translation>
    </message>
    <message>
        <source>[{severity}] {rule}: {message}</source>
        <translation>[{severity}] {rule}：{message}</translation>
    </message>
    <message>
        <source> ({n:,} rows)</source>
        <translation>（{n:,} 行）</translation>
    </message>
    <message>
        <source>{shown}, … {more:,} more</source>
        <translation>{shown}、… ほか {more:,} 行</translation>
    </message>
    <message>
        <source>; rows {rows} (numbered from 1 = first feature, header not counted)</source>
        <translation>。該当行 {rows}（最初の地物を 1 とする番号、見出し行は数えない）</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>{title}
Cancelling…</source>
        <translation>{title}
中止しています…</translation>
    </message>
</context>
</TS>
