<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>Wording</name>
    <message>
        <source>substation</source>
        <translation>変電所</translation>
    </message>
    <message>
        <source>line</source>
        <translation>送電線</translation>
    </message>
    <message>
        <source>generation</source>
        <translation>発電容量</translation>
    </message>
    <message>
        <source>cost</source>
        <translation>系統連系費用</translation>
    </message>
    <message>
        <source>time to power</source>
        <translation>運転開始までの期間</translation>
    </message>
    <message>
        <source>a new substation on a {kv} line and {length} of new line</source>
        <translation>{kv} 送電線への変電所新設と新設線 {length}</translation>
    </message>
    <message>
        <source>tie into a {kv} substation with {length} of new line</source>
        <translation>{kv} 変電所への接続（新設線 {length}）</translation>
    </message>
    <message>
        <source>About {months:.0f} months to power: nothing in reach can deliver; new bulk transmission</source>
        <translation>受電まで約 {months:.0f} か月：到達範囲に供給可能な設備なし、基幹送電線の新設が必要</translation>
    </message>
    <message>
        <source>About {months:.0f} months to power: {how}</source>
        <translation>受電まで約 {months:.0f} か月：{how}</translation>
    </message>
    <message>
        <source>deliverable capacity</source>
        <translation>供給可能容量</translation>
    </message>
    <message>
        <source>capacity</source>
        <translation>受電可能容量</translation>
    </message>
    <message>
        <source>share of campus_mw</source>
        <translation>キャンパス規模（campus_mw）に対する割合</translation>
    </message>
    <message>
        <source>retiring MW</source>
        <translation>廃止予定MW</translation>
    </message>
    <message>
        <source>area</source>
        <translation>面積</translation>
    </message>
    <message>
        <source>Deliverable capacity</source>
        <translation>供給可能容量</translation>
    </message>
    <message>
        <source>Generation nearby</source>
        <translation>近隣の発電</translation>
    </message>
    <message>
        <source>generation within</source>
        <translation>周辺の発電容量</translation>
    </message>
    <message>
        <source>Generation (MW) counted within this radius</source>
        <translation>この半径内の発電容量(MW)を数えます</translation>
    </message>
    <message>
        <source>{mw:,.0f} MW of generation{fuels} within {radius:g} km</source>
        <translation>{radius:g} km 以内の発電容量 {mw:,.0f} MW{fuels}</translation>
    </message>
    <message>
        <source>radius {radius} km, fuels {fuels}</source>
        <translation>半径 {radius} km、燃料 {fuels}</translation>
    </message>
    <message>
        <source>radius {radius} km</source>
        <translation>半径 {radius} km</translation>
    </message>
    <message>
        <source>Interconnection cost</source>
        <translation>系統連系費用</translation>
    </message>
    <message>
        <source>interconnection cost</source>
        <translation>系統連系費用</translation>
    </message>
    <message>
        <source>by a new substation on a {kv} line</source>
        <translation>{kv} 送電線に新設する変電所で</translation>
    </message>
    <message>
        <source>by tying into a {kv} substation</source>
        <translation>{kv} 変電所への接続で</translation>
    </message>
    <message>
        <source>Interconnection ≈ {cost} {how} ({distance} of new line), the cheapest that can deliver {campus:,.0f} MW</source>
        <translation>系統連系費用 ≈ {cost}({how}、新設線路 {distance})、{campus:,.0f} MW を供給できる中で最安</translation>
    </message>
    <message>
        <source>Interconnection cost unknown: nothing in reach can deliver {campus:,.0f} MW</source>
        <translation>系統連系費用は不明: 届く範囲に {campus:,.0f} MW を供給できる設備がありません</translation>
    </message>
    <message>
        <source>by tapping {line} ({distance} of new line)</source>
        <translation>{line}から分岐(新設線路 {distance})</translation>
    </message>
    <message>
        <source>by tying into {substation}, {kv} ({distance} of new line)</source>
        <translation>{substation}({kv})への接続(新設線路 {distance})</translation>
    </message>
    <message>
        <source>Interconnection cost unknown: no qualifying substation or line</source>
        <translation>系統連系費用は不明: 条件を満たす変電所・送電線がありません</translation>
    </message>
    <message>
        <source>Interconnection ≈ {cost} {how}</source>
        <translation>系統連系費用 ≈ {cost}({how})</translation>
    </message>
    <message>
        <source>Line distance</source>
        <translation>送電線までの距離</translation>
    </message>
    <message>
        <source>line distance</source>
        <translation>送電線までの距離</translation>
    </message>
    <message>
        <source>Only lines of at least this voltage count</source>
        <translation>この電圧以上の送電線だけを数えます</translation>
    </message>
    <message>
        <source>No line of {kv:g} kV or more found</source>
        <translation>{kv:g} kV 以上の送電線が見つかりません</translation>
    </message>
    <message>
        <source>{distance} to {where}</source>
        <translation>{where}まで {distance}</translation>
    </message>
    <message>
        <source>Parcel area</source>
        <translation>区画面積</translation>
    </message>
    <message>
        <source>parcel area</source>
        <translation>区画面積</translation>
    </message>
    <message>
        <source>Parcels smaller than this are excluded</source>
        <translation>これより小さい区画は除外します</translation>
    </message>
    <message>
        <source>{area:,.1f} ha parcel</source>
        <translation>区画面積 {area:,.1f} ha</translation>
    </message>
    <message>
        <source>minimum {area} ha</source>
        <translation>最小 {area} ha</translation>
    </message>
    <message>
        <source>Raster class share</source>
        <translation>ラスタ分類の割合</translation>
    </message>
    <message>
        <source>no data for {layer} class {classes}</source>
        <translation>{layer} のクラス {classes}：データなし</translation>
    </message>
    <message>
        <source>{share:.0%} of the parcel in {layer} class {classes}</source>
        <translation>区画の {share:.0%} が {layer} のクラス {classes}</translation>
    </message>
    <message>
        <source>layer {layer}</source>
        <translation>レイヤ {layer}</translation>
    </message>
    <message>
        <source>Raster mean</source>
        <translation>ラスタ平均</translation>
    </message>
    <message>
        <source>Mean {layer} over the parcel: no data</source>
        <translation>区画内の {layer} の平均：データなし</translation>
    </message>
    <message>
        <source>Mean {layer} over the parcel {value:.3g}</source>
        <translation>区画内の {layer} の平均 {value:.3g}</translation>
    </message>
    <message>
        <source>Retiring generation nearby</source>
        <translation>近隣の廃止予定の発電所</translation>
    </message>
    <message>
        <source>retiring generation within</source>
        <translation>周辺の廃止予定発電容量</translation>
    </message>
    <message>
        <source>Retiring generation (MW) counted within this radius</source>
        <translation>この半径内の廃止予定の発電容量(MW)を数えます</translation>
    </message>
    <message>
        <source>No retiring generation within {radius:g} km</source>
        <translation>{radius:g} km以内に廃止予定の発電所なし</translation>
    </message>
    <message>
        <source>{mw:,.0f} MW of retiring or retired generation within {radius:g} km (its grid connections may be reused)</source>
        <translation>{radius:g} km以内に廃止予定・廃止済みの発電容量 {mw:,.0f} MW（その系統接続を再利用できる可能性）</translation>
    </message>
    <message>
        <source>Substation distance</source>
        <extracomment>voltage classes the GUI&apos;s kV spin box steps through</extracomment>
        <translation>変電所までの距離</translation>
    </message>
    <message>
        <source>substation distance</source>
        <translation>変電所までの距離</translation>
    </message>
    <message>
        <source>Only substations of at least this voltage count</source>
        <translation>この電圧以上の変電所だけを数えます</translation>
    </message>
    <message>
        <source>No substation of {kv:g} kV or more found</source>
        <translation>{kv:g} kV 以上の変電所が見つかりません</translation>
    </message>
    <message>
        <source>{distance} to {where}, {kv}</source>
        <translation>{where}まで {distance}、{kv}</translation>
    </message>
    <message>
        <source>Time to power</source>
        <translation>受電までの期間</translation>
    </message>
    <message>
        <source>area below the {minimum:g} ha minimum</source>
        <translation>面積が最小 {minimum:g} ha 未満</translation>
    </message>
    <message>
        <source>more than {share:.0%} in {layer}</source>
        <translation>{layer} 内が {share:.0%} 超</translation>
    </message>
    <message>
        <source>overlaps {layer}</source>
        <translation>{layer} と重なる</translation>
    </message>
    <message>
        <source>parcel {area:.1f} ha &lt; minimum {minimum:g} ha</source>
        <translation>区画 {area:.1f} ha &lt; 最小 {minimum:g} ha</translation>
    </message>
    <message>
        <source>{percent}% in {layer} &gt; maximum {share:.0%}</source>
        <translation>{layer} 内 {percent}% &gt; 最大 {share:.0%}</translation>
    </message>
    <message>
        <source>measurements from cache</source>
        <extracomment>what the criteria measured, by measure key (see CriterionType.measures) features/plants that did not count: {&quot;substations&quot;: n, &quot;lines&quot;: n, ...} arrays derived from the measurements and reused across re-scores (km, cost per cost table)</extracomment>
        <translation>キャッシュから計測値を読み込みました</translation>
    </message>
    <message>
        <source>measured</source>
        <translation>計測完了</translation>
    </message>
    <message>
        <source>{label}: {what}: utility {utility:.2f} (not counted: the parcel is excluded)</source>
        <translation>{label}: {what}: 効用 {utility:.2f}(区画が除外されているため計上しません)</translation>
    </message>
    <message>
        <source>{what}: utility {utility:.2f} (not counted: the parcel is excluded)</source>
        <translation>{what}: 効用 {utility:.2f}(区画が除外されているため計上しません)</translation>
    </message>
    <message>
        <source>{label}: {what}: utility {utility:.2f} × weight {weight:g} of {total:g} = {points:.1f} points</source>
        <translation>{label}: {what}: 効用 {utility:.2f} × 重み {weight:g}/{total:g} = {points:.1f} 点</translation>
    </message>
    <message>
        <source>{what}: utility {utility:.2f} × weight {weight:g} of {total:g} = {points:.1f} points</source>
        <translation>{what}: 効用 {utility:.2f} × 重み {weight:g}/{total:g} = {points:.1f} 点</translation>
    </message>
    <message>
        <source>Excluded: {area:.1f} ha is below the {minimum:g} ha minimum</source>
        <translation>除外: {area:.1f} ha は最小 {minimum:g} ha 未満です</translation>
    </message>
    <message>
        <source>at most {share:.0%} allowed</source>
        <translation>最大 {share:.0%} まで可</translation>
    </message>
    <message>
        <source>none allowed</source>
        <translation>重なりは不可</translation>
    </message>
    <message>
        <source>Excluded: {percent:.0f}% of the parcel lies in {layer} ({allowed})</source>
        <translation>除外: 区画の {percent:.0f}% が {layer} 内にあります({allowed})</translation>
    </message>
    <message>
        <source>Parcel {parcel}: excluded, not ranked</source>
        <translation>区画 {parcel}: 除外(順位なし)</translation>
    </message>
    <message>
        <source>Parcel {parcel}: score {score:.1f} of 100, rank {rank:,} of {ranked:,} ranked ({profile} profile)</source>
        <translation>区画 {parcel}: スコア {score:.1f}/100、{ranked:,} 区画中 {rank:,} 位({profile} プロファイル)</translation>
    </message>
    <message>
        <source>no</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>unknown voltage</source>
        <translation>電圧不明</translation>
    </message>
    <message>
        <source>{kv} (inferred from the lines that meet it; the substation has no voltage tag)</source>
        <translation>{kv}(接続する送電線から推定。変電所に電圧の記載なし)</translation>
    </message>
    <message>
        <source>{name} substation</source>
        <translation>{name}変電所</translation>
    </message>
    <message>
        <source>an unnamed substation (id {id})</source>
        <translation>名称不明の変電所(ID {id})</translation>
    </message>
    <message>
        <source>the {kv} {name}</source>
        <translation>{kv} の{name}</translation>
    </message>
    <message>
        <source>the {kv} {name} line</source>
        <translation>{kv} の{name}線</translation>
    </message>
    <message>
        <source>an unnamed {kv} line (id {id})</source>
        <translation>名称不明の {kv} 送電線(ID {id})</translation>
    </message>
    <message>
        <source>the {rule} excludes {known_share:.0%} of known sites ({known_excluded:,}) and {other_share:.0%} of other candidates</source>
        <translation>{rule}により既知の立地の {known_share:.0%}（{known_excluded:,} 件）とその他の候補の {other_share:.0%} が除外されます</translation>
    </message>
    <message>
        <source>{minimum:g} ha minimum</source>
        <extracomment>per-candidate scores and labels (for charts); not written to JSON</extracomment>
        <translation>最小面積 {minimum:g} ha</translation>
    </message>
    <message>
        <source>exclusion ({reason})</source>
        <translation>除外条件（{reason}）</translation>
    </message>
    <message>
        <source>exclusions together</source>
        <translation>除外条件の合計</translation>
    </message>
    <message>
        <source>only {n} known sites: the interval is wide, read the AUC with care</source>
        <translation>既知の立地は {n} 件のみ：区間が広いため AUC の解釈に注意してください</translation>
    </message>
    <message>
        <source>{criterion} {radius:g} km</source>
        <translation>{criterion}（{radius:g} km）</translation>
    </message>
    <message>
        <source>{criterion} &gt;= {min_kv:g} kV</source>
        <translation>{criterion} ≥ {min_kv:g} kV</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>偶然</translation>
    </message>
    <message>
        <source>false positive rate</source>
        <translation>偽陽性率</translation>
    </message>
    <message>
        <source>true positive rate (known sites)</source>
        <translation>真陽性率（既知の立地）</translation>
    </message>
    <message>
        <source>ROC — profile {profile}</source>
        <translation>ROC — プロファイル {profile}</translation>
    </message>
    <message>
        <source>AUC of the criterion alone</source>
        <translation>評価基準単独の AUC</translation>
    </message>
    <message>
        <source>criteria</source>
        <translation>評価基準</translation>
    </message>
    <message>
        <source>other ({n})</source>
        <translation>その他（{n}）</translation>
    </message>
    <message>
        <source>known sites ({n})</source>
        <translation>既知の立地（{n}）</translation>
    </message>
    <message>
        <source>score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>share of candidates (density)</source>
        <translation>候補の割合（密度）</translation>
    </message>
    <message>
        <source>score: known vs other</source>
        <translation>スコア：既知の立地とその他</translation>
    </message>
    <message>
        <source>coordinate reference system set to {crs}</source>
        <extracomment>layers with more features than this are detected from their first SAMPLE_ROWS_LARGE features</extracomment>
        <translation>座標参照系を {crs} に設定しました</translation>
    </message>
    <message>
        <source>source coordinate reference system set to {crs} (--crs)</source>
        <translation>元データの座標参照系を {crs} に設定しました（--crs）</translation>
    </message>
    <message>
        <source>{label} read as {encoding} (--encoding)</source>
        <extracomment>column names that mean the numbers are WGS84 longitude/latitude (x/y may be projected) legacy encodings tried, in order, when text is not UTF-8; each must read as its language</extracomment>
        <translation>{label} を {encoding} として読み込みました（--encoding）</translation>
    </message>
    <message>
        <source>{label} is not UTF-8 text; read it as {encoding}. If names look wrong, pass --encoding NAME (e.g. cp932, euc-jp, cp1252) or re-save the file as UTF-8</source>
        <translation>{label} は UTF-8 のテキストではないため {encoding} として読み込みました。名前が文字化けしている場合は --encoding NAME（例：cp932、euc-jp、cp1252）を指定するか、ファイルを UTF-8 で保存し直してください</translation>
    </message>
    <message>
        <source>column {column} has text where a number belongs (e.g. {examples}); these rows have no location and are dropped</source>
        <translation>列 {column} の数値であるべき箇所に文字列があります（例：{examples}）。これらの行は位置が分からないため除外しました</translation>
    </message>
    <message>
        <source>pass --swap-lat-lon (inspect, convert) or load_layer(..., swap_lat_lon=True) to read them the other way round, or rename the two columns in the file</source>
        <translation>逆に読むには --swap-lat-lon（inspect、convert）または load_layer(..., swap_lat_lon=True) を指定するか、ファイルの2つの列名を入れ替えてください</translation>
    </message>
    <message>
        <source>every point lies outside the other layers ({box}), and {share:.0%} would lie among them with latitude and longitude swapped: the columns look swapped; {hint}</source>
        <translation>すべての点が他のレイヤの範囲（{box}）の外にあり、緯度と経度を入れ替えると {share:.0%} がその範囲に入ります。列が入れ替わっているようです。{hint}</translation>
    </message>
    <message>
        <source>locations from columns {lon} (longitude) and {lat} (latitude), taken as WGS84 (EPSG:4326); pass --crs if they are not (swapped by --swap-lat-lon)</source>
        <translation>位置は列 {lon}（経度）と {lat}（緯度）から取得し、WGS84（EPSG:4326）とみなしました。異なる場合は --crs を指定してください（--swap-lat-lon で入れ替え済み）</translation>
    </message>
    <message>
        <source>locations from columns {lon} (longitude) and {lat} (latitude), taken as WGS84 (EPSG:4326); pass --crs if they are not</source>
        <translation>位置は列 {lon}（経度）と {lat}（緯度）から取得し、WGS84（EPSG:4326）とみなしました。異なる場合は --crs を指定してください</translation>
    </message>
    <message>
        <source>columns {lat} and {lon} look swapped: {why}; {hint}</source>
        <translation>列 {lat} と {lon} が入れ替わっているようです：{why}。{hint}</translation>
    </message>
    <message>
        <source>locations from columns {lon} (x) and {lat} (y)</source>
        <translation>位置は列 {lon}（x）と {lat}（y）から取得しました</translation>
    </message>
    <message>
        <source>column {column} has text that is not a WKT geometry; these rows have no location and are dropped</source>
        <translation>列 {column} に WKT ジオメトリでない文字列があります。これらの行は位置が分からないため除外しました</translation>
    </message>
    <message>
        <source>geometries from WKT column {column}</source>
        <translation>ジオメトリは WKT 列 {column} から取得しました</translation>
    </message>
    <message>
        <source>list or struct columns {columns} read as text: lists of numbers as &apos;a;b&apos; (one value per circuit), others as JSON</source>
        <translation>リスト型・構造体型の列 {columns} をテキストとして読み込みました：数値のリストは &apos;a;b&apos;（回線ごとに1つの値）、その他は JSON</translation>
    </message>
    <message>
        <source>{label} declares no text encoding (no .cpg file); its text is UTF-8 and was read as such. Pass --encoding NAME to override</source>
        <translation>{label} には文字コードの指定（.cpg ファイル）がありません。テキストが UTF-8 のため UTF-8 として読み込みました。変更するには --encoding NAME を指定してください</translation>
    </message>
    <message>
        <source>attribute text in {label} is not UTF-8 and the file declares no encoding (no .cpg file); read it as {encoding}. If names look wrong, pass --encoding NAME (e.g. cp932, euc-jp, cp1252) or re-save the file as UTF-8</source>
        <translation>{label} の属性テキストは UTF-8 ではなく、文字コードの指定（.cpg ファイル）もないため {encoding} として読み込みました。名前が文字化けしている場合は --encoding NAME（例：cp932、euc-jp、cp1252）を指定するか、ファイルを UTF-8 で保存し直してください</translation>
    </message>
    <message>
        <source>attribute text in {label} read as {encoding} (--encoding)</source>
        <translation>{label} の属性テキストを {encoding} として読み込みました（--encoding）</translation>
    </message>
    <message>
        <source>OSM tags read from column {column}: {what}</source>
        <extracomment>the OSM keys that layer kinds read (``name:xx`` keys are taken too)</extracomment>
        <translation>OSM タグを列 {column} から読み込みました：{what}</translation>
    </message>
    <message>
        <source>{column}: name missing; named &apos;Site &lt;n&gt;&apos;</source>
        <translation>{column}：名前がないため &apos;Site &lt;n&gt;&apos; と命名しました</translation>
    </message>
    <message>
        <source>no name column; sites named &apos;Site &lt;n&gt;&apos;</source>
        <translation>名前の列がないため、候補地を &apos;Site &lt;n&gt;&apos; と命名しました</translation>
    </message>
    <message>
        <source>{column}: {message}</source>
        <translation>{column}：{message}</translation>
    </message>
    <message>
        <source>{other}: values over 1,200 kV (two values run together?); not used, voltage taken from {column}</source>
        <translation>{other}：1,200 kV を超える値（2つの値が連結している可能性）のため使わず、電圧は {column} から取得しました</translation>
    </message>
    <message>
        <source>{other}: values over 1,200 kV (two values run together?); not used</source>
        <translation>{other}：1,200 kV を超える値（2つの値が連結している可能性）のため使いませんでした</translation>
    </message>
    <message>
        <source>{unknown} of {total} features have no voltage in {column}; they cannot pass a voltage threshold</source>
        <translation>{total} 件中 {unknown} 件の地物は {column} に電圧がなく、電圧のしきい値を満たせません</translation>
    </message>
    <message>
        <source>{unknown} of {total} features have no voltage (no voltage column); they cannot pass a voltage threshold</source>
        <translation>{total} 件中 {unknown} 件の地物に電圧がなく（電圧の列なし）、電圧のしきい値を満たせません</translation>
    </message>
    <message>
        <source>no parcel id column; ids made from feature numbers (P000001 …)</source>
        <translation>区画IDの列がないため、地物番号からIDを作成しました（P000001 …）</translation>
    </message>
    <message>
        <source>{column}: parcel id missing; made from the feature number (P000123)</source>
        <translation>{column}：区画IDがないため、地物番号から作成しました（P000123）</translation>
    </message>
    <message>
        <source>{column}: duplicate parcel ids made unique with a suffix (-2, -3 …)</source>
        <translation>{column}：重複する区画IDに接尾辞を付けて一意にしました（-2、-3 …）</translation>
    </message>
    <message>
        <source>circuits missing; taken from {column} (3 cables per AC circuit)</source>
        <translation>回線数がないため {column} から求めました（交流1回線につき電線3本）</translation>
    </message>
    <message>
        <source>voltage not understood; set to unknown</source>
        <extracomment>the largest plant on Earth is ~22.5 GW</extracomment>
        <translation>電圧を解釈できないため不明としました</translation>
    </message>
    <message>
        <source>voltage over 1,200 kV or not a whole number of volts (two values run together?); that value ignored</source>
        <translation>電圧が 1,200 kV を超えるか整数のボルト値でない（2つの値が連結している可能性）ため、その値を無視しました</translation>
    </message>
    <message>
        <source>negative voltage; set to unknown</source>
        <translation>負の電圧のため不明としました</translation>
    </message>
    <message>
        <source>capacity has no unit; taken as MW</source>
        <translation>出力に単位がないため MW とみなしました</translation>
    </message>
    <message>
        <source>capacity not understood; set to unknown</source>
        <translation>出力を解釈できないため不明としました</translation>
    </message>
    <message>
        <source>capacity zero or negative; set to unknown</source>
        <translation>出力が0以下のため不明としました</translation>
    </message>
    <message>
        <source>capacity over 30,000 MW; set to unknown</source>
        <translation>出力が 30,000 MW を超えるため不明としました</translation>
    </message>
    <message>
        <source>several capacities in one value; summed</source>
        <translation>1つの値に複数の出力があるため合計しました</translation>
    </message>
    <message>
        <source>fuel not recognised; set to unknown</source>
        <translation>燃料を認識できないため不明としました</translation>
    </message>
    <message>
        <source>circuits not a positive whole number; set to unknown</source>
        <translation>回線数が正の整数でないため不明としました</translation>
    </message>
    <message>
        <source>feature has no geometry (missing or unreadable); dropped</source>
        <extracomment>rules that remove rows from a layer (for checks that nothing is dropped silently) arrays longer than this are checked in parallel chunks (GEOS predicates release the GIL) how many dropped features a message describes by name and value</extracomment>
        <translation>地物にジオメトリがない（欠落または読めない）ため除外しました</translation>
    </message>
    <message>
        <source>geometry is empty; dropped</source>
        <translation>ジオメトリが空のため除外しました</translation>
    </message>
    <message>
        <source>the file has no coordinate reference system; every coordinate is a valid longitude/latitude, so WGS84 (EPSG:4326) is assumed. If that is wrong, pass --crs EPSG:xxxx or set it in Layer properties</source>
        <translation>ファイルに座標参照系がありません。すべての座標が有効な経度・緯度のため WGS84（EPSG:4326）とみなしました。誤りの場合は --crs EPSG:xxxx を指定するか、レイヤのプロパティで設定してください</translation>
    </message>
    <message>
        <source>reprojected from {crs} ({name}) to WGS84 (EPSG:4326)</source>
        <translation>{crs}（{name}）から WGS84（EPSG:4326）に再投影しました</translation>
    </message>
    <message>
        <source>coordinates are not numbers (NaN/infinite) or lie outside longitude -180..180 / latitude -90..90; dropped{examples}</source>
        <translation>座標が数値でない（NaN・無限大）か、経度 -180..180・緯度 -90..90 の範囲外のため除外しました{examples}</translation>
    </message>
    <message>
        <source>3D coordinates flattened to 2D</source>
        <translation>3次元座標を2次元にしました</translation>
    </message>
    <message>
        <source>{found} geometry where {allowed} is expected; dropped</source>
        <translation>{allowed} が必要な箇所に {found} のジオメトリがあるため除外しました</translation>
    </message>
    <message>
        <source>invalid geometry (e.g. self-intersection) repaired with make_valid</source>
        <translation>不正なジオメトリ（自己交差など）を make_valid で修復しました</translation>
    </message>
    <message>
        <source>invalid geometry with no length or area (e.g. a line whose points are all the same); dropped</source>
        <translation>長さも面積もない不正なジオメトリ（すべての点が同じ線など）のため除外しました</translation>
    </message>
    <message>
        <source>relation members that are relations are not followed</source>
        <extracomment>file names pyosmium reads (by extension)</extracomment>
        <translation>リレーションであるリレーションのメンバーはたどりません</translation>
    </message>
    <message>
        <source>way or node of a power relation with the same power tag: the relation stands for it</source>
        <translation>同じ power タグを持つ電力リレーションのウェイまたはノード：リレーションで代表させます</translation>
    </message>
    <message>
        <source>features that do not intersect the bbox; left out</source>
        <translation>範囲と交わらない地物のため除外しました</translation>
    </message>
    <message>
        <source>way uses nodes missing from the file; drawn through the nodes present</source>
        <translation>ウェイがファイルにないノードを使っています。存在するノードを通して描きました</translation>
    </message>
    <message>
        <source>fewer than 2 of the way&apos;s nodes are in the file; dropped</source>
        <translation>ウェイのノードのうちファイルにあるのが2つ未満のため除外しました</translation>
    </message>
    <message>
        <source>all nodes of the line at one place; dropped</source>
        <translation>線のすべてのノードが1か所にあるため除外しました</translation>
    </message>
    <message>
        <source>none of the way&apos;s nodes is in the file; dropped</source>
        <translation>ウェイのノードがファイルに1つもないため除外しました</translation>
    </message>
    <message>
        <source>outline way is not closed; kept as a point at the centre of its outline</source>
        <translation>外形のウェイが閉じていないため、外形の中心の点として残しました</translation>
    </message>
    <message>
        <source>fewer than 3 of the outline&apos;s nodes are in the file; kept as a point</source>
        <translation>外形のノードのうちファイルにあるのが3つ未満のため、点として残しました</translation>
    </message>
    <message>
        <source>outline has no area; kept as a point</source>
        <translation>外形に面積がないため、点として残しました</translation>
    </message>
    <message>
        <source>self-intersecting outline repaired with make_valid</source>
        <translation>自己交差する外形を make_valid で修復しました</translation>
    </message>
    <message>
        <source>relation member ways missing from the file; built from the members present</source>
        <translation>リレーションのメンバーのウェイがファイルにありません。存在するメンバーから作成しました</translation>
    </message>
    <message>
        <source>no member of the relation is in the file; dropped</source>
        <translation>リレーションのメンバーがファイルに1つもないため除外しました</translation>
    </message>
    <message>
        <source>multipolygon rings do not close; kept as a point at the centre of its members</source>
        <translation>マルチポリゴンのリングが閉じていないため、メンバーの中心の点として残しました</translation>
    </message>
    <message>
        <source>type={type} relation: the area of its closed member ways</source>
        <translation>type={type} のリレーション：閉じたメンバーのウェイの面積</translation>
    </message>
    <message>
        <source>type={type} relation: kept as a point at the centre of its members</source>
        <translation>type={type} のリレーション：メンバーの中心の点として残しました</translation>
    </message>
    <message>
        <source>the file is not sorted by id; {entity}s found by a second, slower pass</source>
        <extracomment>libosmium&apos;s IdSetDense allocates 2**22 bytes per 2**25 ids files not declared sorted and smaller than this are re-checked for ids a window pass missed</extracomment>
        <translation>ファイルが ID 順に並んでいないため、{entity} を2回目の遅い走査で見つけました</translation>
    </message>
    <message>
        <source>node without a valid location; left out of its way</source>
        <extracomment>bytes of OPL node text parsed at a time</extracomment>
        <translation>有効な位置のないノードのため、ウェイから除きました</translation>
    </message>
    <message>
        <source>way with fewer than 2 nodes; dropped</source>
        <extracomment>power=* values that become features; lines are ways, the others nodes, ways or relations OSM lifecycle prefixes and the status they give (named as layers.parse.normalise_status does) ``disused=yes`` / ``abandoned=yes`` on an otherwise ordinary power feature tags kept per feature (besides ``name:xx``); they become columns of the output layers way node lists parsed per batch (bounds the text held at once) share of pass 1&apos;s progress that is reading the file (the rest is parsing the power objects) node refs of power ways and of the member ways of power relations, by way id sorted node ids with their locations (NaN where the location was invalid)</extracomment>
        <translation>ノードが2つ未満のウェイのため除外しました</translation>
    </message>
    <message>
        <source>under construction, proposed, disused or abandoned; not imported (--include-planned imports them with their status; scoring leaves them out)</source>
        <translation>建設中・計画中・休止中・廃止のため取り込みませんでした（--include-planned で状態付きで取り込めます。スコア計算には使いません）</translation>
    </message>
    <message>
        <source>power={value} on a node (lines are ways); ignored</source>
        <translation>ノードに power={value} があります（線はウェイです）。無視しました</translation>
    </message>
    <message>
        <source>node without a valid location; dropped</source>
        <translation>有効な位置のないノードのため除外しました</translation>
    </message>
    <message>
        <source>power line tagged on a relation (its member ways carry the lines); ignored</source>
        <translation>リレーションに付いた送電線タグ（線はメンバーのウェイにあります）のため無視しました</translation>
    </message>
    <message>
        <source>plant without output: capacity is the sum of its generators&apos; outputs</source>
        <extracomment>OSM power values whose voltage is a transmission voltage: a bare number below 1,000 there is almost surely kV written without the unit (``voltage=220``), not 220 V</extracomment>
        <translation>出力のない発電所：出力は発電機の出力の合計としました</translation>
    </message>
    <message>
        <source>plant has its own output; its generators are not added</source>
        <translation>発電所自体に出力があるため、発電機の出力は加えていません</translation>
    </message>
    <message>
        <source>generators in no plant with under {mw:g} MW or no output (together {known:,.1f} MW known) are not imported as plants</source>
        <translation>発電所に属さない {mw:g} MW 未満または出力不明の発電機（既知の合計 {known:,.1f} MW）は発電所として取り込みません</translation>
    </message>
    <message>
        <source>generator in no plant with &gt;= {mw:g} MW: kept as a plant</source>
        <translation>発電所に属さない {mw:g} MW 以上の発電機：発電所として残しました</translation>
    </message>
</context>
</TS>
