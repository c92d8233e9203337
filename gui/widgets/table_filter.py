"""The attribute table's filter box: a tiny, safe expression language (no ``eval``, no pandas
``query``), evaluated column-wise on numpy/pandas arrays.

Grammar (keywords and column names are case-insensitive)::

    expr       := and_expr ("or" and_expr)*
    and_expr   := not_expr ("and" not_expr)*
    not_expr   := "not" not_expr | "(" expr ")" | comparison
    comparison := COLUMN OP VALUE
    OP         := "=" | "==" | "!=" | "<>" | ">" | ">=" | "<" | "<=" | "~" | "contains"
    VALUE      := number | 'quoted text' | "quoted text" | bare words

Examples: ``score > 60``, ``status = shortlisted``, ``substation_kv >= 230 and score > 50``,
``name ~ gateway``. Text without an operator is a free-text search (case-insensitive substring) in
the table's name and id columns. A mistake raises :class:`FilterError` with a message for people.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

OPERATORS = ("==", "!=", "<>", ">=", "<=", "=", ">", "<", "~")
_TOKEN = re.compile(
    r"""\s*(?:
        (?P<op>==|!=|<>|>=|<=|=|>|<|~)
      | (?P<paren>[()])
      | (?P<quoted>'[^']*'|"[^"]*")
      | (?P<word>[^\s()=!<>~'"]+)
    )""",
    re.VERBOSE,
)
_KEYWORDS = {"and", "or", "not", "contains"}
_TRUE = {"true", "yes", "1", "y", "t"}
_FALSE = {"false", "no", "0", "n", "f"}


class FilterError(ValueError):
    """A filter the table cannot apply; the message says why and what would work."""


@dataclass
class FilterColumn:
    """What the filter needs to know of a column: its name, kind and values (one per row)."""

    name: str
    kind: str  # "number" | "bool" | "text"
    values: Callable[[], object]  # numpy array (number/bool) or pandas Series / array (text)
    choices: Sequence[str] = ()  # allowed values of a closed text column (e.g. note status)
    searchable: bool = False  # free-text search looks here


@dataclass
class _Tok:
    kind: str  # op | paren | quoted | word | end
    text: str
    pos: int


def tokenize(text: str) -> list[_Tok]:
    out, pos = [], 0
    while pos < len(text):
        if text[pos:].strip() == "":
            break
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise FilterError(f"cannot read the filter at {text[pos:].strip()[:20]!r}")
        kind = m.lastgroup
        out.append(_Tok(kind, m.group(kind), m.start(kind)))
        pos = m.end()
    out.append(_Tok("end", "", len(text)))
    return out


def looks_like_expression(text: str) -> bool:
    """True when ``text`` uses an operator (else it is a free-text search)."""
    try:
        toks = tokenize(text)
    except FilterError:
        return any(op in text for op in OPERATORS)
    return any(t.kind == "op" or (t.kind == "word" and t.text.lower() == "contains") for t in toks)


class _Parser:
    def __init__(self, text: str, columns: dict[str, FilterColumn], n: int) -> None:
        self.text = text
        self.toks = tokenize(text)
        self.i = 0
        self.columns = columns
        self.n = n

    def peek(self) -> _Tok:
        return self.toks[self.i]

    def take(self) -> _Tok:
        tok = self.toks[self.i]
        self.i += 1
        return tok

    def is_kw(self, word: str) -> bool:
        t = self.peek()
        return t.kind == "word" and t.text.lower() == word

    def parse(self) -> np.ndarray:
        mask = self.or_expr()
        if self.peek().kind != "end":
            raise FilterError(f"unexpected {self.peek().text!r}; join conditions with 'and' / 'or'")
        return mask

    def or_expr(self) -> np.ndarray:
        mask = self.and_expr()
        while self.is_kw("or"):
            self.take()
            mask = mask | self.and_expr()
        return mask

    def and_expr(self) -> np.ndarray:
        mask = self.not_expr()
        while self.is_kw("and"):
            self.take()
            mask = mask & self.not_expr()
        return mask

    def not_expr(self) -> np.ndarray:
        if self.is_kw("not"):
            self.take()
            return ~self.not_expr()
        if self.peek().kind == "paren" and self.peek().text == "(":
            self.take()
            mask = self.or_expr()
            tok = self.take()
            if tok.kind != "paren" or tok.text != ")":
                raise FilterError("a '(' is not closed")
            return mask
        return self.comparison()

    def comparison(self) -> np.ndarray:
        tok = self.take()
        if tok.kind not in ("word", "quoted") or tok.text.lower() in _KEYWORDS:
            raise FilterError(f"expected a column name at {tok.text or 'the end'!r}")
        name = tok.text.strip("'\"")
        col = self.columns.get(name.lower())
        if col is None:
            known = ", ".join(c.name for c in self.columns.values())
            raise FilterError(f"no column {name!r}; columns: {known}")
        op_tok = self.take()
        if op_tok.kind == "op":
            op = {"==": "=", "<>": "!="}.get(op_tok.text, op_tok.text)
        elif op_tok.kind == "word" and op_tok.text.lower() == "contains":
            op = "~"
        else:
            raise FilterError(f"expected an operator (= != > >= < <= ~) after {col.name!r}")
        words = []
        while self.peek().kind in ("word", "quoted") and self.peek().text.lower() not in ("and", "or"):
            t = self.take()
            words.append(t.text[1:-1] if t.kind == "quoted" else t.text)
            if t.kind == "quoted":
                break
        if not words:
            raise FilterError(f"{col.name} {op_tok.text} what? Give a value, e.g. {col.name} {op_tok.text} 50")
        return compare(col, op, " ".join(words))


def compare(col: FilterColumn, op: str, value: str) -> np.ndarray:
    """``col op value`` as a boolean mask."""
    if col.kind == "number":
        if op == "~":
            raise FilterError(f"{col.name} is a number; use = != > >= < <=")
        try:
            v = float(value.replace(",", "").replace("_", ""))
        except ValueError:
            raise FilterError(f"{col.name} is a number; {value!r} is not") from None
        a = np.asarray(col.values(), dtype=float)
        with np.errstate(invalid="ignore"):
            return {"=": a == v, "!=": a != v, ">": a > v, ">=": a >= v, "<": a < v, "<=": a <= v}[op]
    if col.kind == "bool":
        word = value.strip().lower()
        if word not in _TRUE | _FALSE or op not in ("=", "!="):
            raise FilterError(f"{col.name} is true/false: write {col.name} = true or {col.name} = false")
        a = np.asarray(col.values(), dtype=bool)
        want = word in _TRUE
        return (a == want) if op == "=" else (a != want)
    # text
    value_l = value.strip().lower()
    if col.choices and op in ("=", "!=") and value_l not in {c.lower() for c in col.choices}:
        raise FilterError(f"{col.name} is one of {', '.join(col.choices)}; not {value!r}")
    values = col.values()
    if isinstance(values, pd.Categorical) and op in ("=", "!="):  # compare codes, not 1M strings
        cats = [str(c).lower() for c in values.categories]
        code = cats.index(value_l) if value_l in cats else -2
        mask = np.asarray(values.codes) == code
        return ~mask if op == "!=" else mask
    s = _as_series(values)
    lowered = s.astype("string").str.lower()
    if op == "~":
        hit = lowered.str.contains(value_l, regex=False)
    elif op in ("=", "!="):
        hit = lowered == value_l
    else:
        raise FilterError(f"{col.name} is text; use = != or ~ (contains)")
    mask = hit.fillna(False).to_numpy(dtype=bool)
    return ~mask if op == "!=" else mask


def _as_series(values) -> pd.Series:
    if isinstance(values, pd.Series):
        return values.reset_index(drop=True)
    return pd.Series(values, copy=False)


def text_search(text: str, columns: Sequence[FilterColumn], n: int) -> np.ndarray:
    """Rows where any searchable column contains ``text`` (case-insensitive)."""
    cols = [c for c in columns if c.searchable]
    if not cols:
        raise FilterError("this layer has no name or id column to search; write a condition such as score > 60")
    mask = np.zeros(n, dtype=bool)
    needle = text.strip().lower()
    for c in cols:
        s = _as_series(c.values()).astype("string").str.lower()
        mask |= s.str.contains(needle, regex=False).fillna(False).to_numpy(dtype=bool)
    return mask


def evaluate(text: str, columns: Sequence[FilterColumn], n: int) -> np.ndarray | None:
    """The rows ``text`` keeps (a boolean mask of length ``n``), or None for an empty filter."""
    text = (text or "").strip()
    if not text:
        return None
    if not looks_like_expression(text):
        return text_search(text, columns, n)
    by_name = {c.name.lower(): c for c in columns}
    mask = _Parser(text, by_name, n).parse()
    mask = np.asarray(mask, dtype=bool)
    if mask.shape != (n,):
        raise FilterError("the filter did not give one answer per row")
    return mask
