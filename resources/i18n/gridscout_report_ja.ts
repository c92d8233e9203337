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
    <message>
        <source>site {n}</source>
        <translation>候補地 {n}</translation>
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
        <extracomment>every map drawn (report_frames.MapRecord): page, role, extent, furniture, promised features every text block of the flow (pdf_pages.TextRecord): page, box, widest line, text the text area of a page (x, y, width, height in device units): margins less the footer</extracomment>
        <translation>候補地レポート — {title}</translation>
    </message>
    <message>
        <source>Evidence — backtest against known data-center sites</source>
        <extracomment>the chart&apos;s fonts, tried glyph by glyph: the report&apos;s Latin face, then the CJK one it embeds</extracomment>
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
        <source>.</source>
        <translation>。</translation>
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
        <source>linear</source>
        <extracomment>the transforms&apos; names and parameters (scoring/transforms.py) as the appendix shows them</extracomment>
        <translation>線形</translation>
    </message>
    <message>
        <source>exponential_decay</source>
        <translation>指数減衰</translation>
    </message>
    <message>
        <source>logistic</source>
        <translation>ロジスティック</translation>
    </message>
    <message>
        <source>mssmall</source>
        <translation>平均・標準偏差（小さいほど良い）</translation>
    </message>
    <message>
        <source>mslarge</source>
        <translation>平均・標準偏差（大きいほど良い）</translation>
    </message>
    <message>
        <source>step</source>
        <translation>階段</translation>
    </message>
    <message>
        <source>best</source>
        <translation>最良</translation>
    </message>
    <message>
        <source>worst</source>
        <translation>最悪</translation>
    </message>
    <message>
        <source>half_distance</source>
        <translation>半減距離</translation>
    </message>
    <message>
        <source>scale</source>
        <translation>尺度</translation>
    </message>
    <message>
        <source>midpoint</source>
        <translation>中点</translation>
    </message>
    <message>
        <source>steepness</source>
        <translation>傾き</translation>
    </message>
    <message>
        <source>direction</source>
        <translation>向き</translation>
    </message>
    <message>
        <source>mean_multiplier</source>
        <translation>平均倍率</translation>
    </message>
    <message>
        <source>std_multiplier</source>
        <translation>標準偏差倍率</translation>
    </message>
    <message>
        <source>breakpoints</source>
        <translation>区切り</translation>
    </message>
    <message>
        <source>values</source>
        <translation>値</translation>
    </message>
    <message>
        <source>{name}({params})</source>
        <translation>{name}（{params}）</translation>
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
        <source>raster</source>
        <translation>ラスタ</translation>
    </message>
    <message>
        <source>… ({n} more)</source>
        <translation>…（ほか {n} 件）</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>レイヤー</translation>
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
</TS>
