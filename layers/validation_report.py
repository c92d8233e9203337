"""Validation reports: every rule applied to a layer, with counts and the rows it touched."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["info", "warning", "error"]

MAX_ROWS_IN_TEXT = 20


@dataclass
class ReportItem:
    """One rule that fired: ``rows`` are 1-based feature numbers in the source file."""

    rule: str
    message: str
    severity: Severity = "warning"
    rows: list[int] = field(default_factory=list)
    count: int = 0

    def to_text(self) -> str:
        text = f"[{self.severity}] {self.rule}: {self.message}"
        if self.count:
            text += f" ({self.count} row{'s' if self.count != 1 else ''})"
        if self.rows:
            shown = ", ".join(str(r) for r in self.rows[:MAX_ROWS_IN_TEXT])
            more = f", … {len(self.rows) - MAX_ROWS_IN_TEXT} more" if len(self.rows) > MAX_ROWS_IN_TEXT else ""
            text += f"; rows {shown}{more} (numbered from 1 = first feature, header not counted)"
        return text


@dataclass
class ValidationReport:
    """What was wrong with a source and what was done about it; never silent."""

    source: str = ""
    items: list[ReportItem] = field(default_factory=list)
    rows_read: int = 0
    rows_kept: int = 0

    def add(
        self,
        rule: str,
        message: str,
        rows=(),
        severity: Severity = "warning",
        count: int | None = None,
    ) -> ReportItem:
        rows = [int(r) for r in rows]
        item = ReportItem(rule, message, severity, rows, len(rows) if count is None else count)
        self.items.append(item)
        return item

    def info(self, rule: str, message: str, rows=(), count: int | None = None) -> ReportItem:
        return self.add(rule, message, rows, "info", count)

    def by_rule(self, rule: str) -> list[ReportItem]:
        return [i for i in self.items if i.rule == rule]

    def count(self, rule: str) -> int:
        return sum(i.count for i in self.by_rule(rule))

    @property
    def rows_dropped(self) -> int:
        return self.rows_read - self.rows_kept

    @property
    def warnings(self) -> list[ReportItem]:
        return [i for i in self.items if i.severity != "info"]

    def to_dict(self) -> dict:
        return {
            "source": self.source,
            "rows_read": self.rows_read,
            "rows_kept": self.rows_kept,
            "rows_dropped": self.rows_dropped,
            "items": [
                {"rule": i.rule, "severity": i.severity, "message": i.message, "count": i.count, "rows": i.rows}
                for i in self.items
            ],
        }

    @classmethod
    def from_dict(cls, d: dict) -> ValidationReport:
        rep = cls(d.get("source", ""), rows_read=d.get("rows_read", 0), rows_kept=d.get("rows_kept", 0))
        for i in d.get("items", []):
            rep.add(i["rule"], i["message"], i.get("rows", []), i.get("severity", "warning"), i.get("count"))
        return rep

    def to_text(self) -> str:
        head = f"{self.source}: {self.rows_read} rows read, {self.rows_kept} kept, {self.rows_dropped} dropped"
        if not self.items:
            return head + "; no problems found"
        return "\n".join([head] + ["  " + i.to_text() for i in self.items])
