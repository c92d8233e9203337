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
        <source>substation distance</source>
        <extracomment>the built-in criteria&apos;s ids in words, as :func:`criterion_title` names them (marked: the report and the GUI translate them)</extracomment>
        <translation>変電所までの距離</translation>
    </message>
    <message>
        <source>line distance</source>
        <translation>送電線までの距離</translation>
    </message>
    <message>
        <source>generation within</source>
        <translation>周辺の発電容量</translation>
    </message>
    <message>
        <source>retiring generation within</source>
        <translation>周辺の廃止予定発電容量</translation>
    </message>
    <message>
        <source>interconnection cost</source>
        <translation>系統連系費用</translation>
    </message>
    <message>
        <source>parcel area</source>
        <translation>区画面積</translation>
    </message>
    <message>
        <source>deliverable capacity</source>
        <translation>供給可能容量</translation>
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
</context>
</TS>
