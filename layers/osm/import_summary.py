"""The OpenStreetMap import summary: what was read, what was kept, and every problem with example ids.

OSM features have no row numbers, so problems are counted per rule with the first few OSM ids
(``w12345``) as examples; :meth:`OsmImportSummary.validation_report` turns the part about one layer
into a :class:`~layers.validation_report.ValidationReport` for the GUI and the project file.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from gridscout.layers.validation_report import Severity, ValidationReport

#: how many example ids each rule keeps
MAX_EXAMPLES = 5

#: layer name of each kind in the GeoPackage (the kind names of layers.kinds)
KINDS = ("substations", "transmission_lines", "power_plants")


@dataclass
class OsmIssue:
    """One rule that fired: how often, and the first OSM ids it fired for."""

    rule: str
    message: str
    severity: Severity = "warning"
    kind: str | None = None  # the layer it concerns (None: the whole import)
    count: int = 0
    examples: list[str] = field(default_factory=list)
    #: every OSM id it fired for (in order), so features left out later can be forgotten
    ids: dict[str, None] = field(default_factory=dict, repr=False)

    def to_text(self) -> str:
        text = f"[{self.severity}] {self.rule}: {self.message} ({self.count})"
        if self.examples:
            more = ", …" if self.count > len(self.examples) else ""
            text += f"; e.g. {', '.join(self.examples)}{more}"
        return text


@dataclass
class OsmImportSummary:
    """Counts and problems of one import. ``add`` never raises: broken data is reported, not fatal."""

    source: str = ""
    #: OSM objects with power tags seen, by type ("node", "way", "relation")
    objects_read: dict[str, int] = field(default_factory=dict)
    #: features per output layer
    features: dict[str, int] = field(default_factory=dict)
    #: by (rule, kind): the same rule can fire for several layers
    items: dict[tuple[str, str | None], OsmIssue] = field(default_factory=dict)
    seconds: float = 0.0
    #: the way node locations were read ("windowed id filter" or "all nodes")
    node_strategy: str = ""
    #: the power objects were not in id order (the file is not sorted)
    sample_unsorted: bool = False

    def add(
        self,
        rule: str,
        message: str,
        osm_ids=(),
        severity: Severity = "warning",
        kind: str | None = None,
        count: int | None = None,
    ) -> OsmIssue:
        """Count ``rule`` for ``osm_ids`` (or ``count`` times); keep the first few ids as examples."""
        item = self.items.get((rule, kind))
        if item is None:
            item = self.items[(rule, kind)] = OsmIssue(rule, message, severity, kind)
        ids = [str(i) for i in osm_ids]
        item.count += len(ids) if count is None else int(count)
        item.ids.update(dict.fromkeys(ids))
        room = MAX_EXAMPLES - len(item.examples)
        if room > 0:
            item.examples.extend(ids[:room])
        return item

    def forget(self, osm_ids: set[str], keep_rules: tuple[str, ...] = ()) -> None:
        """Drop what was reported about ``osm_ids`` (features left out, e.g. outside ``--bbox``):
        their problems are no business of this import."""
        for key, item in list(self.items.items()):
            if item.rule in keep_rules or not item.ids:
                continue
            gone = [i for i in item.ids if i in osm_ids]
            if not gone:
                continue
            for i in gone:
                del item.ids[i]
            item.count -= len(gone)
            item.examples = list(item.ids)[:MAX_EXAMPLES]
            if item.count <= 0:
                del self.items[key]

    def info(
        self, rule: str, message: str, osm_ids=(), kind: str | None = None, count: int | None = None
    ):
        return self.add(rule, message, osm_ids, "info", kind, count)

    def by_rule(self, rule: str) -> list[OsmIssue]:
        return [i for (r, _kind), i in self.items.items() if r == rule]

    def count(self, rule: str) -> int:
        """How often ``rule`` fired, over all layers."""
        return sum(i.count for i in self.by_rule(rule))

    def examples(self, rule: str) -> list[str]:
        """Example OSM ids of ``rule``, over all layers."""
        return [e for i in self.by_rule(rule) for e in i.examples]

    @property
    def warnings(self) -> list[OsmIssue]:
        return [i for i in self.items.values() if i.severity != "info"]

    def validation_report(self, kind: str) -> ValidationReport:
        """The part of this report about one output layer, as a ValidationReport."""
        n = self.features.get(kind, 0)
        rep = ValidationReport(f"{self.source} ({kind})", rows_read=n, rows_kept=n)
        for item in self.items.values():
            if item.kind in (kind, None) and item.count:
                message = item.message
                if item.examples:
                    message += f" (e.g. {', '.join(item.examples)})"
                rep.add(item.rule, message, severity=item.severity, count=item.count)
        return rep

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "objects_read": dict(self.objects_read),
            "features": dict(self.features),
            "seconds": round(self.seconds, 3),
            "node_strategy": self.node_strategy,
            "items": [
                {
                    "rule": i.rule,
                    "severity": i.severity,
                    "kind": i.kind,
                    "message": i.message,
                    "count": i.count,
                    "examples": list(i.examples),
                }
                for i in self.items.values()
            ],
        }

    def to_text(self) -> str:
        read = ", ".join(f"{n} {t}s" for t, n in self.objects_read.items()) or "nothing"
        kept = ", ".join(f"{self.features.get(k, 0)} {k.replace('_', ' ')}" for k in KINDS)
        lines = [
            f"{self.source}: power objects read: {read}; imported: {kept} ({self.seconds:.1f} s)"
        ]
        if not self.items:
            lines.append("  no problems found")
        order = {"error": 0, "warning": 1, "info": 2}
        for item in sorted(
            self.items.values(), key=lambda i: (order[i.severity], i.kind or "", i.rule)
        ):
            where = f"{item.kind}: " if item.kind else ""
            lines.append(f"  {where}{item.to_text()}")
        return "\n".join(lines)
