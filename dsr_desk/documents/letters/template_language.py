"""A small template language for letters that organisations can adapt, and that can never run code or
read files: it knows placeholders, conditions, loops over lists and named parts, nothing else.

    subject: Uw verzoek {{ reference }}
    Geachte {{ salutation }},
    {% part due %}Wij antwoorden uiterlijk {{ due_date }}.{% endpart %}
    {% if identity_needed %}...{% else %}...{% endif %}
    {% for entry in entries %}- {{ entry.name }}{% endfor %}
    {# a comment #}

Values are plain strings, booleans, lists or records of those; a name the context does not know is an
error, so a typo in an adapted template is reported instead of printing nothing. Inserted values are
wrapped in marker characters so the layout never mistakes them for structure ('## ' headings, '- ' items).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

VALUE_START, VALUE_END = "\ue000", "\ue001"  # private-use code points, stripped from user text first

_TOKEN = re.compile(r"({{.*?}}|{%.*?%}|{#.*?#})", re.S)
_NAME = re.compile(r"^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$")
MAX_OUTPUT = 2_000_000  # a loop cannot make a letter grow without bound


class TemplateError(Exception):
    def __init__(self, line: int, problem: str) -> None:
        super().__init__(f"line {line}: {problem}")
        self.line = line
        self.problem = problem


@dataclass
class Node:
    kind: str  # text | value | if | for | part
    line: int
    text: str = ""
    name: str = ""
    negate: bool = False
    item: str = ""
    body: list[Node] = field(default_factory=list)
    otherwise: list[Node] = field(default_factory=list)


def _tokens(source: str) -> list[tuple[str, int]]:
    """(token, line) pairs. A tag alone on its line takes that line's break with it, so conditions and
    loops written one per line leave no blank lines behind (as Jinja's trim_blocks does)."""
    tokens: list[tuple[str, int]] = []
    position, line = 0, 1
    for match in _TOKEN.finditer(source):
        start, end = match.span()
        text = source[position:start]
        tag = match.group()
        line_start = source.rfind("\n", 0, start) + 1
        line_end = source.find("\n", end)
        line_end = len(source) if line_end < 0 else line_end
        standalone = (
            not tag.startswith("{{")
            and not source[line_start:start].strip()
            and not source[end:line_end].strip()
        )
        if standalone:
            text = text[: len(text) - (start - line_start)] if start - line_start <= len(text) else text
        tokens.append((text, line))
        line += source[position:start].count("\n")
        tokens.append((tag, line))
        line += tag.count("\n")
        position = end
        if standalone and line_end < len(source):
            line += 1
            position = line_end + 1
    tokens.append((source[position:], line))
    return tokens


def parse(source: str) -> list[Node]:
    root: list[Node] = []
    stack: list[tuple[Node | None, list[Node]]] = [(None, root)]
    for token, here in _tokens(source):
        if not token:
            continue
        container = stack[-1][1]
        if token.startswith("{#"):
            continue
        if token.startswith("{{"):
            container.append(Node("value", here, name=_checked_name(token[2:-2].strip(), here)))
            continue
        if not token.startswith("{%"):
            container.append(Node("text", here, text=token))
            continue
        words = token[2:-2].split()
        if not words:
            raise TemplateError(here, "empty tag {% %}")
        tag, args = words[0], words[1:]
        if tag == "if":
            negate = bool(args) and args[0] == "not"
            names = args[1:] if negate else args
            if len(names) != 1:
                raise TemplateError(here, "use {% if name %} or {% if not name %}")
            node = Node("if", here, name=_checked_name(names[0], here), negate=negate)
            container.append(node)
            stack.append((node, node.body))
        elif tag == "else":
            open_node = stack[-1][0]
            if open_node is None or open_node.kind != "if" or stack[-1][1] is open_node.otherwise:
                raise TemplateError(here, "{% else %} without {% if %}")
            stack[-1] = (open_node, open_node.otherwise)
        elif tag == "for":
            if len(args) != 3 or args[1] != "in":
                raise TemplateError(here, "use {% for item in list %}")
            node = Node("for", here, item=_checked_name(args[0], here), name=_checked_name(args[2], here))
            container.append(node)
            stack.append((node, node.body))
        elif tag == "part":
            if len(args) != 1:
                raise TemplateError(here, "use {% part name %}")
            node = Node("part", here, name=_checked_name(args[0], here))
            container.append(node)
            stack.append((node, node.body))
        elif tag in ("endif", "endfor", "endpart"):
            open_node = stack[-1][0]
            if open_node is None or "end" + open_node.kind != tag:
                raise TemplateError(here, f"{{% {tag} %}} does not close anything open here")
            stack.pop()
        else:
            raise TemplateError(here, f"unknown tag '{tag}'")
    if len(stack) > 1:
        open_node = stack[-1][0]
        assert open_node is not None
        raise TemplateError(open_node.line, f"{{% {open_node.kind} %}} is never closed")
    return root


def render(nodes: list[Node], context: dict[str, object]) -> tuple[str, set[str]]:
    """The text, and the names of the parts that rendered with some text in them."""
    out: list[str] = []
    parts: set[str] = set()
    _render(nodes, [context], out, parts, [0])
    return "".join(out), parts


def _render(
    nodes: list[Node], scopes: list[dict[str, object]], out: list[str], parts: set[str], size: list[int]
) -> None:
    """`size` is the length written so far, shared by every level, so the limit costs nothing to check."""
    for node in nodes:
        if node.kind == "text":
            _emit(out, size, node.text, node.line)
        elif node.kind == "value":
            value = VALUE_START + as_text(_lookup(node.name, scopes, node.line)) + VALUE_END
            _emit(out, size, value, node.line)
        elif node.kind == "if":
            truth = bool(_lookup(node.name, scopes, node.line)) != node.negate
            _render(node.body if truth else node.otherwise, scopes, out, parts, size)
        elif node.kind == "for":
            items = _lookup(node.name, scopes, node.line)
            if not isinstance(items, list | tuple):
                raise TemplateError(node.line, f"'{node.name}' is not a list")
            for item in items:
                _render(node.body, [*scopes, {node.item: item}], out, parts, size)
        elif node.kind == "part":
            inner: list[str] = []
            _render(node.body, scopes, inner, parts, size)
            text = "".join(inner)
            if strip_markers(text).strip():
                parts.add(node.name)
            out.append(text)  # already counted, piece by piece


def _emit(out: list[str], size: list[int], text: str, line: int) -> None:
    size[0] += len(text)
    if size[0] > MAX_OUTPUT:
        raise TemplateError(line, "the letter grows too large")
    out.append(text)


def _lookup(name: str, scopes: list[dict[str, object]], line: int) -> object:
    head, _, attribute = name.partition(".")
    for scope in reversed(scopes):
        if head in scope:
            value = scope[head]
            if not attribute:
                return value
            if isinstance(value, dict) and attribute in value:
                return value[attribute]
            raise TemplateError(line, f"'{head}' has no '{attribute}'")
    raise TemplateError(line, f"unknown name '{name}'")


def as_text(value: object) -> str:
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(as_text(item) for item in value)
    if isinstance(value, dict):
        raise TypeError("a record cannot be printed whole; name one of its fields")
    # Inserted values are inline text: a line break in one must not start a heading or list item.
    return " ".join(strip_markers(str(value)).split())


def strip_markers(text: str) -> str:
    return text.translate({ord(VALUE_START): None, ord(VALUE_END): None})


def _checked_name(name: str, line: int) -> str:
    if not _NAME.match(name):
        raise TemplateError(line, f"'{name}' is not a name (letters, digits, _ and one '.')")
    return name
