<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja" sourcelanguage="en">
<context>
    <name>ExportDialog</name>
    <message>
        <source>PDF (vector)</source>
        <translation>PDF（ベクター）</translation>
    </message>
    <message>
        <source>SVG (vector)</source>
        <translation>SVG（ベクター）</translation>
    </message>
    <message>
        <source>PNG (image)</source>
        <translation>PNG（画像）</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>参照…</translation>
    </message>
    <message>
        <source>Export Map</source>
        <translation>地図のエクスポート</translation>
    </message>
    <message>
        <source>A paper size (A4, A3, letter; -portrait) or WIDTHxHEIGHT in pixels at the resolution</source>
        <translation>用紙サイズ（A4、A3、letter。縦向きは -portrait）、または解像度でのピクセル数 幅x高さ</translation>
    </message>
    <message>
        <source>The map&apos;s current view</source>
        <translation>地図の現在の表示範囲</translation>
    </message>
    <message>
        <source>All layers</source>
        <translation>すべてのレイヤ</translation>
    </message>
    <message>
        <source>Site: {name}</source>
        <translation>候補地：{name}</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>形式</translation>
    </message>
    <message>
        <source>Page size</source>
        <translation>用紙サイズ</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解像度</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>タイトル</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>表示範囲</translation>
    </message>
    <message>
        <source>File</source>
        <translation>ファイル</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>エクスポート</translation>
    </message>
    <message>
        <source>Export Report</source>
        <translation>レポートのエクスポート</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>候補地</translation>
    </message>
    <message>
        <source>Best parcels per site</source>
        <translation>候補地ごとの上位区画数</translation>
    </message>
    <message>
        <source>Export Layer Data</source>
        <translation>レイヤデータのエクスポート</translation>
    </message>
    <message>
        <source>Scored parcels (score, rank, criterion points)</source>
        <translation>評価済みの区画（スコア、順位、基準ごとの点数）</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>レイヤ</translation>
    </message>
    <message>
        <source>A GeoPackage opens styled in QGIS (layer_styles).</source>
        <translation>GeoPackage は QGIS でスタイル付きで開けます（layer_styles）。</translation>
    </message>
    <message>
        <source>Export map</source>
        <translation>地図のエクスポート</translation>
    </message>
    <message>
        <source>Map exported to {path}</source>
        <translation>地図を {path} にエクスポートしました</translation>
    </message>
    <message>
        <source>Export report</source>
        <translation>レポートのエクスポート</translation>
    </message>
    <message>
        <source>Report exported to {path} ({pages} pages)</source>
        <translation>レポートを {path} にエクスポートしました（{pages} ページ）</translation>
    </message>
    <message>
        <source>Export data</source>
        <translation>データのエクスポート</translation>
    </message>
    <message>
        <source>Wrote {n:,} features to {path}</source>
        <translation>{n:,} 件の地物を {path} に書き出しました</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message>
        <source>nuclear</source>
        <translation>原子力</translation>
    </message>
    <message>
        <source>coal</source>
        <translation>石炭</translation>
    </message>
    <message>
        <source>gas</source>
        <translation>ガス</translation>
    </message>
    <message>
        <source>oil</source>
        <translation>石油</translation>
    </message>
    <message>
        <source>hydro</source>
        <translation>水力</translation>
    </message>
    <message>
        <source>wind</source>
        <translation>風力</translation>
    </message>
    <message>
        <source>solar</source>
        <translation>太陽光</translation>
    </message>
    <message>
        <source>biomass</source>
        <translation>バイオマス</translation>
    </message>
    <message>
        <source>geothermal</source>
        <translation>地熱</translation>
    </message>
    <message>
        <source>battery</source>
        <translation>蓄電池</translation>
    </message>
    <message>
        <source>waste</source>
        <translation>廃棄物</translation>
    </message>
    <message>
        <source>other</source>
        <translation>その他</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>excluded / not scored</source>
        <translation>除外／未評価</translation>
    </message>
    <message>
        <source>Parcel score (0–100)</source>
        <translation>区画スコア（0–100）</translation>
    </message>
    <message>
        <source>Parcels</source>
        <translation>区画</translation>
    </message>
    <message>
        <source>parcel</source>
        <translation>区画</translation>
    </message>
    <message>
        <source>unknown voltage</source>
        <translation>電圧不明</translation>
    </message>
    <message>
        <source>underground (dashed)</source>
        <translation>地中線（破線）</translation>
    </message>
    <message>
        <source>Transmission lines</source>
        <translation>送電線</translation>
    </message>
    <message>
        <source>Substations</source>
        <translation>変電所</translation>
    </message>
    <message>
        <source>Power plants (size = MW)</source>
        <translation>発電所（大きさ＝MW）</translation>
    </message>
    <message>
        <source>Candidate sites</source>
        <translation>候補地</translation>
    </message>
    <message>
        <source>candidate site</source>
        <translation>候補地</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>凡例</translation>
    </message>
</context>
<context>
    <name>MapExport</name>
    <message>
        <source>Licences: {licences}.</source>
        <translation>ライセンス：{licences}。</translation>
    </message>
    <message>
        <source>Web Mercator display; scale bar geodesic (WGS84) at the map&apos;s centre latitude.</source>
        <translation>表示はWebメルカトル図法。縮尺は地図中心緯度での測地線距離（WGS84）。</translation>
    </message>
    <message>
        <source>Made with GridScout, {date}.</source>
        <translation>GridScoutで作成、{date}。</translation>
    </message>
    <message>
        <source>{place} — power proximity</source>
        <translation>{place} — 電力系統への近接性</translation>
    </message>
    <message>
        <source>Project: {title}</source>
        <translation>プロジェクト：{title}</translation>
    </message>
    <message>
        <source>Score profile: none (the project is not scored)</source>
        <extracomment>parcels layer name → score per row (NaN: excluded or not scored)</extracomment>
        <translation>スコアプロファイル：なし（未評価のプロジェクト）</translation>
    </message>
    <message>
        <source>Score profile: {name}</source>
        <translation>スコアプロファイル：{name}</translation>
    </message>
    <message>
        <source>substations ≥ {sub} kV, lines ≥ {line} kV</source>
        <translation>変電所 {sub} kV以上、送電線 {line} kV以上</translation>
    </message>
    <message>
        <source>generation within {r} km</source>
        <translation>{r} km以内の発電所</translation>
    </message>
    <message>
        <source>parcels ≥ {ha} ha</source>
        <translation>区画 {ha} ha以上</translation>
    </message>
    <message>
        <source>weights: </source>
        <translation>重み：</translation>
    </message>
    <message>
        <source>Data: </source>
        <extracomment>per-feature columns that record where a feature came from sources of layers GridScout generates itself (``h3:resolution=9`` for scan cells) (pattern in a source text, provider, licence); first match per pattern, several may match</extracomment>
        <translation>出典：</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>page {n}</source>
        <translation>{n} ページ</translation>
    </message>
    <message>
        <source>Site report — {title}</source>
        <extracomment>every map drawn (report_frames.MapRecord): page, role, extent, furniture, promised features</extracomment>
        <translation>候補地レポート — {title}</translation>
    </message>
    <message>
        <source>Evidence — backtest against known data-center sites</source>
        <translation>検証 — 既知のデータセンター立地によるバックテスト</translation>
    </message>
    <message>
        <source>Profile {profile}: {candidates} candidates, {known} of them hold a known site ({rate}). ROC AUC {auc} (95% bootstrap interval {low}–{high}); 0.5 is chance, 1.0 would rank every known site first.</source>
        <translation>プロファイル {profile}：候補 {candidates} 件、うち既知の立地を含むもの {known} 件（{rate}）。ROC AUC {auc}（95%ブートストラップ区間 {low}–{high}）。0.5は偶然と同等、1.0はすべての既知立地を最上位に順位付けることを意味します。</translation>
    </message>
    <message>
        <source>Precision and lift at the top</source>
        <translation>上位での適合率とリフト</translation>
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
        <source>Known sites</source>
        <translation>既知の立地</translation>
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
        <source>Each criterion alone</source>
        <translation>評価基準ごとの単独評価</translation>
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
        <source>Median, known sites</source>
        <translation>中央値（既知の立地）</translation>
    </message>
    <message>
        <source>Median, other</source>
        <translation>中央値（その他）</translation>
    </message>
    <message>
        <source>Note: {note}.</source>
        <translation>注：{note}。</translation>
    </message>
    <message>
        <source>Scale bar geodesic at the map&apos;s centre latitude.</source>
        <translation>縮尺は地図中心緯度での測地線距離。</translation>
    </message>
    <message>
        <source>GridScout · power proximity</source>
        <translation>GridScout · 電力系統への近接性</translation>
    </message>
    <message>
        <source>Date: {date}</source>
        <translation>日付：{date}</translation>
    </message>
    <message>
        <source>Project: {title}</source>
        <translation>プロジェクト：{title}</translation>
    </message>
    <message>
        <source>File: {name}</source>
        <translation>ファイル：{name}</translation>
    </message>
    <message>
        <source>Score profile: {name}</source>
        <translation>スコアプロファイル：{name}</translation>
    </message>
    <message>
        <source>In numbers</source>
        <translation>数値で見る概要</translation>
    </message>
    <message>
        <source>{parcels} parcels scored; {excluded} excluded (e.g. below the minimum area), {ranked} ranked.</source>
        <translation>評価した区画 {parcels} 件、除外 {excluded} 件（最小面積未満など）、順位付け {ranked} 件。</translation>
    </message>
    <message>
        <source>Score of the ranked parcels: median {median}, 90th percentile {p90}, best {best} (of 100).</source>
        <translation>順位付けした区画のスコア：中央値 {median}、90パーセンタイル {p90}、最高 {best}（100点満点）。</translation>
    </message>
    <message>
        <source>Candidate sites in this report ({n})</source>
        <translation>本レポートの候補地（{n} 件）</translation>
    </message>
    <message>
        <source>How to read the scores</source>
        <translation>スコアの読み方</translation>
    </message>
    <message>
        <source>Each parcel scores 0–100: 100 × Σ weight × utility / Σ weights over the profile&apos;s criteria (distance from the parcel&apos;s boundary to the nearest qualifying substation and line, generation within a radius, estimated interconnection cost, parcel area). Distances are geodesic on WGS84; maps are drawn in Web Mercator for display only. The profile and all data sources with their licences are in the appendix.</source>
        <translation>各区画のスコアは0–100です：プロファイルの評価基準（区画の境界から条件を満たす最寄りの変電所・送電線までの距離、半径内の発電容量、推定系統連系費用、区画面積）について 100 × Σ 重み × 効用 / Σ 重み。距離はWGS84上の測地線距離で、地図は表示のためにのみWebメルカトル図法で描いています。プロファイルと全データの出典・ライセンスは付録にあります。</translation>
    </message>
    <message>
        <source>Overview of the candidate sites</source>
        <translation>候補地の概要</translation>
    </message>
    <message>
        <source>North is up. The locator has no scale bar (at its size the scale changes with latitude); inset scale bars are geodesic at each inset&apos;s centre latitude.</source>
        <translation>上が北。位置図には縮尺がありません（この範囲では緯度により縮尺が変わるため）。挿入図の縮尺は各挿入図の中心緯度での測地線距離です。</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>候補地</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>緯度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>経度</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>凡例</translation>
    </message>
    <message>
        <source>Sites side by side</source>
        <translation>候補地の比較</translation>
    </message>
    <message>
        <source>Nearest substation ≥ {kv} kV</source>
        <translation>最寄りの変電所（{kv} kV以上）</translation>
    </message>
    <message>
        <source>Nearest line ≥ {kv} kV</source>
        <translation>最寄りの送電線（{kv} kV以上）</translation>
    </message>
    <message>
        <source>MW within {r} km</source>
        <translation>{r} km以内のMW</translation>
    </message>
    <message>
        <source>Ranked parcels ≤ {r} km</source>
        <translation>{r} km以内の順位付け区画</translation>
    </message>
    <message>
        <source>Best Score</source>
        <translation>最高スコア</translation>
    </message>
    <message>
        <source>Best parcel Score within {r} km of each site (0–100)</source>
        <translation>各候補地から {r} km以内の区画の最高スコア（0–100）</translation>
    </message>
    <message>
        <source>Generation capacity within {r} km (MW)</source>
        <translation>{r} km以内の発電容量（MW）</translation>
    </message>
    <message>
        <source>Score histogram: {n} ranked parcels (excluded parcels not shown)</source>
        <translation>スコアのヒストグラム：順位付け区画 {n} 件（除外区画は含まない）</translation>
    </message>
    <message>
        <source>Bars coloured with the map&apos;s score ramp.</source>
        <translation>棒の色は地図のスコア配色と同じです。</translation>
    </message>
    <message>
        <source>Site: {name}</source>
        <translation>候補地：{name}</translation>
    </message>
    <message>
        <source> · region {region}</source>
        <translation> · 地域 {region}</translation>
    </message>
    <message>
        <source>Grid access</source>
        <translation>系統へのアクセス</translation>
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
        <source>substation</source>
        <translation>変電所</translation>
    </message>
    <message>
        <source>line</source>
        <translation>送電線</translation>
    </message>
    <message>
        <source>Feature</source>
        <translation>設備</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Distance</source>
        <translation>距離</translation>
    </message>
    <message>
        <source>Qualifies</source>
        <translation>条件適合</translation>
    </message>
    <message>
        <source>Generation within {r} km: {mw} MW.</source>
        <translation>{r} km以内の発電容量：{mw} MW。</translation>
    </message>
    <message>
        <source>Top {n} parcels within {r} km (outlined and numbered on the map)</source>
        <translation>{r} km以内の上位 {n} 区画（地図上に輪郭と番号で表示）</translation>
    </message>
    <message>
        <source>No scored parcel within reach of this site.</source>
        <translation>この候補地の範囲内に評価済みの区画はありません。</translation>
    </message>
    <message>
        <source>Parcel</source>
        <translation>区画</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>スコア</translation>
    </message>
    <message>
        <source>Why #1 scores what it scores:</source>
        <translation>1位の区画のスコアの内訳：</translation>
    </message>
    <message>
        <source>Field notes near the site</source>
        <translation>候補地付近の現地メモ</translation>
    </message>
    <message>
        <source>No field notes for parcels within {r} km of this site.</source>
        <translation>この候補地から {r} km以内の区画に現地メモはありません。</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状況</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>更新日</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Parcels within {r} km: {ranked} ranked, {excluded} excluded ({why}).</source>
        <translation>{r} km以内の区画：順位付け {ranked} 件、除外 {excluded} 件（{why}）。</translation>
    </message>
    <message>
        <source>Parcels within {r} km: {ranked} ranked.</source>
        <translation>{r} km以内の区画：順位付け {ranked} 件。</translation>
    </message>
    <message>
        <source>Appendix A — score profile</source>
        <translation>付録A — スコアプロファイル</translation>
    </message>
    <message>
        <source>Thresholds</source>
        <translation>しきい値</translation>
    </message>
    <message>
        <source>Transform</source>
        <translation>変換</translation>
    </message>
    <message>
        <source>Exclusion: parcels with more than {share} in {layer}.</source>
        <translation>除外：{layer} との重なりが {share} を超える区画。</translation>
    </message>
    <message>
        <source>Interconnection cost tables ({region}, {year} USD)</source>
        <translation>系統連系費用の表（{region}、{year}年米ドル）</translation>
    </message>
    <message>
        <source>kV class</source>
        <translation>電圧クラス（kV）</translation>
    </message>
    <message>
        <source>Line cost per mile</source>
        <translation>送電線費用（1マイルあたり）</translation>
    </message>
    <message>
        <source>New substation</source>
        <translation>変電所新設</translation>
    </message>
    <message>
        <source>Substation upgrade</source>
        <translation>変電所増強</translation>
    </message>
    <message>
        <source>×{m} under {b} miles</source>
        <translation>{b} マイル未満で ×{m}</translation>
    </message>
    <message>
        <source>Short-line multipliers: {mult}. Source: {source}.</source>
        <translation>短距離線の係数：{mult}。出典：{source}。</translation>
    </message>
    <message>
        <source>Profile source: {source}</source>
        <translation>プロファイルの出典：{source}</translation>
    </message>
    <message>
        <source>Appendix B — data sources and licences</source>
        <translation>付録B — データの出典とライセンス</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>レイヤ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>地物数</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>出典</translation>
    </message>
    <message>
        <source>Licences</source>
        <translation>ライセンス</translation>
    </message>
    <message>
        <source>Maps and reports made from OpenStreetMap-derived data must carry “© OpenStreetMap contributors” (ODbL 1.0).</source>
        <translation>OpenStreetMap由来のデータから作成した地図やレポートには「© OpenStreetMap contributors」（ODbL 1.0）の表示が必要です。</translation>
    </message>
    <message>
        <source>Public-domain data ({names}) needs no attribution; it is given anyway.</source>
        <translation>パブリックドメインのデータ（{names}）は出典表示不要ですが、ここでは表示しています。</translation>
    </message>
    <message>
        <source>WRI data is CC BY 4.0: credit the World Resources Institute.</source>
        <translation>WRIのデータはCC BY 4.0です：World Resources Instituteを出典として表示してください。</translation>
    </message>
    <message>
        <source>No licence is recorded for {names}: check its terms before you publish.</source>
        <translation>{names} にはライセンスの記録がありません：公開前に利用条件を確認してください。</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <extracomment>lon/lat of each of ``substations`` and of the point of each of ``lines`` nearest the site</extracomment>
        <translation>（名称なし）</translation>
    </message>
    <message>
        <source>{criterion} pts (w {w})</source>
        <translation>{criterion} 点（重み {w}）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>substation</source>
        <extracomment>wording from Qt-free code shown in the report: criteria&apos;s short labels (scoring/criteria/*)</extracomment>
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
        <source>capacity</source>
        <translation>受電可能容量</translation>
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
        <source>Generation (MW) counted within this radius</source>
        <translation>この半径内の発電容量(MW)を数えます</translation>
    </message>
    <message>
        <source>{mw:,.0f} MW of generation{fuels} within {radius:g} km</source>
        <translation>{radius:g} km 以内の発電容量 {mw:,.0f} MW{fuels}</translation>
    </message>
    <message>
        <source>Interconnection cost</source>
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
        <source>Parcels smaller than this are excluded</source>
        <translation>これより小さい区画は除外します</translation>
    </message>
    <message>
        <source>{area:,.1f} ha parcel</source>
        <translation>区画面積 {area:,.1f} ha</translation>
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
</context>
</TS>
