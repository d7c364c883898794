"""Letter templates: the shipped defaults in resources/letters/{nl,en}, or the organisation's own copy in
the workspace's letters/{nl,en}, which wins when it exists."""

from __future__ import annotations

from pathlib import Path

from dsr_desk.documents.letters.template_language import Node, TemplateError, parse
from dsr_desk.errors import LetterTemplateError
from dsr_desk.resources import resource_path
from dsr_desk.rules.letters import LetterKind

MAX_TEMPLATE_BYTES = 200_000


def shipped_template(kind: LetterKind, lang: str) -> Path:
    return resource_path("letters", lang, f"{kind.value}.txt")


def template_path(kind: LetterKind, lang: str, custom_dir: Path | None) -> Path:
    if custom_dir is not None:
        own = custom_dir / lang / f"{kind.value}.txt"
        if own.is_file():
            return own
    return shipped_template(kind, lang)


def load_template(kind: LetterKind, lang: str, custom_dir: Path | None) -> list[Node]:
    path = template_path(kind, lang, custom_dir)
    try:
        data = path.read_bytes()
        if len(data) > MAX_TEMPLATE_BYTES:
            raise TemplateError(1, f"the template is larger than {MAX_TEMPLATE_BYTES // 1000} kB")
        return parse(data.decode("utf-8"))
    except TemplateError as exc:
        raise LetterTemplateError(
            kind=kind.value, lang=lang, path=str(path), line=exc.line, problem=exc.problem
        ) from None
    except (OSError, UnicodeDecodeError) as exc:
        problem = (
            "not UTF-8 text" if isinstance(exc, UnicodeDecodeError) else (exc.strerror or type(exc).__name__)
        )
        raise LetterTemplateError(
            kind=kind.value, lang=lang, path=str(path), line=0, problem=problem
        ) from None


def copy_defaults_to(custom_dir: Path) -> list[Path]:
    """Puts editable copies of the shipped templates in the workspace (never overwriting an existing one)."""
    from dsr_desk.store.atomic import atomic_write

    written = []
    custom_dir.mkdir(mode=0o700, exist_ok=True)
    for lang in ("nl", "en"):
        (custom_dir / lang).mkdir(mode=0o700, exist_ok=True)
        for kind in LetterKind:
            target = custom_dir / lang / f"{kind.value}.txt"
            if not target.exists():
                atomic_write(target, shipped_template(kind, lang).read_bytes())
                written.append(target)
    return written
