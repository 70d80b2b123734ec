"""The pack as a form: a real tick box and answer field for every question.

Each flowable draws what prints (an empty square, ruled lines) and puts an interactive PDF
form field on top of it, so the pack can be filled in on a computer in any PDF reader, or
printed and filled in by hand.

An answer already recorded in the draft is printed once, as ordinary text above the lines (in
the pack's own font, which covers far more scripts than the 14 standard PDF fonts a form field
can use), and the answer field over the lines starts empty, for new notes: put in the field
too, the answer was printed twice, cramped across the lines and cut short, and left no room
to write at the next appointment (a walk-through after an appointment). What is typed there
is added below the draft's answer on import (``consultprep.answers``). The form asks readers to
draw the fields themselves (``NeedAppearances``), so text typed later wraps properly; what a
reader can show for other scripts depends on the reader. Reading answers back is not
affected: a field's value is Unicode whatever the font.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from reportlab.pdfbase.acroform import AcroForm, PDFFromString
from reportlab.pdfbase.pdfdoc import PDFName, PDFtrue
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable

from exports.fieldnames import (
    ANSWER_PREFIX,
    ASKED_PREFIX,
    FOR_FIELD,
    PACK_FIELD,
    PACK_VALUE,
    clinic_field_name,
    field_name,
)
from exports.flowables import Checkbox, RuledLines
from exports.styles import TEXT, WRITING_LINE

FIELD_FONT = "Helvetica"
FIELD_FONT_SIZE = 11.0
FIELD_BORDER = 0.8  # the answer field's border, also drawn as the lowest ruled line
TOOLTIP_LIMIT = 300


def _tooltip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= TOOLTIP_LIMIT else text[: TOOLTIP_LIMIT - 1].rstrip() + "…"


def _form(canv: Canvas) -> AcroForm:
    """The canvas's form, asking readers to draw the fields themselves (so text wraps)."""
    form = canv.acroForm
    if "checkboxAP" not in form.__dict__:
        form.extras["NeedAppearances"] = PDFtrue
        form.checkboxAP = _same_looks(form.checkboxAP)  # type: ignore[method-assign]
        form.fontRef = _one_font_dict(form)  # type: ignore[method-assign]
        # The tick boxes' mark is drawn in ZapfDingbats (their /MK /CA): a reader that
        # redraws a ticked box looks for that font in the form's resources.
        form.fonts["ZaDb"] = form.getRefStr(
            PDFFromString("<< /BaseFont /ZapfDingbats /Name /ZaDb /Subtype /Type1 /Type /Font >>")
        )
    return form


def _one_font_dict(form: AcroForm) -> Callable[[str], str]:
    """A ``fontRef`` for ``form`` that lists all its fonts in one ``/Font`` dictionary.

    reportlab writes a ``/Font << … >>`` entry for each font into the form's resources
    (``/DR``), so a reader keeps only one of them; this writes them all in the first entry
    and nothing for the others.
    """

    def font_ref(name: str) -> str:
        names = sorted(form.fonts)
        if name != names[0]:
            return ""
        return "/Font << " + " ".join(f"/{n} {form.fonts[n]}" for n in names) + " >>"

    return font_ref


def _same_looks(make: Callable[..., Any]) -> Callable[..., Any]:
    """``make`` (a form's ``checkboxAP``), remembering what it made for each set of arguments.

    Every tick box needs six small drawings (ticked or not; normal, pressed, rolled over),
    and reportlab makes all six for each box, then keeps only one of each kind in the file.
    They are the same for boxes of the same size, so each is made once per pack. Colours
    are compared by value (reportlab makes a new colour object for each box).
    """
    made: dict[str, Any] = {}

    def looks(*args: Any, **kwargs: Any) -> Any:
        key = repr((args, sorted(kwargs.items())))
        if key not in made:
            made[key] = make(*args, **kwargs)
        return made[key]

    return looks


@contextmanager
def _on_this_page(canv: Canvas) -> Iterator[AcroForm]:
    """The form, with fields linked to the page being drawn.

    The pack's canvas keeps all pages until the end (for "page N of M"), so the document's
    own page counter is still 1 while later pages are drawn; fields would all claim page 1.
    """
    doc = canv._doc
    counter = doc.pageCounter
    doc.pageCounter = canv.getPageNumber()
    try:
        yield _form(canv)
    finally:
        doc.pageCounter = counter


def _set_last_default(canv: Canvas, form: AcroForm, value: object) -> None:
    """Record the value a field started with (/DV), to tell later what the reader changed."""
    field = canv._doc.idToObject[form.fields[-1].name]
    field.dict["DV"] = value


class TickBoxField(Checkbox):
    """The printed square, with a tick box field on it named ``name``."""

    def __init__(self, name: str, checked: bool, tooltip: str, size: float = 13) -> None:
        super().__init__(size)
        self.name = name
        self.checked = checked
        self.tooltip = tooltip

    def draw(self) -> None:
        """Called by reportlab to draw."""
        super().draw()
        with _on_this_page(self.canv) as form:
            form.checkbox(
                name=self.name,
                checked=self.checked,
                buttonStyle="check",
                x=0,
                y=0,
                size=self.size,
                borderWidth=0,
                borderColor=None,
                fillColor=None,
                textColor=TEXT,
                fieldFlags="",
                tooltip=self.tooltip,
                relative=True,
            )
            _set_last_default(self.canv, form, PDFName("Yes" if self.checked else "Off"))


class FormTickBox(TickBoxField):
    """A question's tick box (ticked if already asked), read back by "Import answers"."""

    def __init__(self, item_id: str, checked: bool, question: str, size: float = 13) -> None:
        super().__init__(
            field_name(item_id, "asked"), checked, ASKED_PREFIX + _tooltip(question), size
        )


def check_box(check_id: str, title: str, size: float = 13, done: bool = False) -> TickBoxField:
    """A clinic check's tick box, ticked if the draft says the check is ``done`` (ticks made
    in the PDF are read back by ``exports.answers``)."""
    return TickBoxField(clinic_field_name(check_id), done, "Checked: " + _tooltip(title), size)


class FormAnswerLines(RuledLines):
    """Ruled lines to write on, with a multi-line answer field over them.

    The field's border (printed too) is the lowest line: a ruled line a little above it
    printed one heavy, doubled edge. The lowest line is drawn on the page along the border's
    middle, so one line prints with the fields or without them.
    """

    bottom_line = False

    def __init__(
        self,
        item_id: str,
        question: str,
        count: int = 3,
        gap: float = 22,
        font_size: float = FIELD_FONT_SIZE,
    ) -> None:
        super().__init__(count, gap)
        self.name = field_name(item_id, "answer")
        self.tooltip = ANSWER_PREFIX + _tooltip(question)
        self.font_size = font_size

    def draw(self) -> None:
        """Called by reportlab to draw."""
        super().draw()  # (its lines, in WRITING_LINE)
        # The lowest line on the page as well, under the field's border (the same colour and
        # width, so one line): printed without its form fields, a pack had a line too few.
        self.canv.line(0, FIELD_BORDER / 2, self.width, FIELD_BORDER / 2)
        with _on_this_page(self.canv) as form:
            form.textfield(
                name=self.name,
                value="",  # (an answer is printed above the lines: see the module docstring)
                x=0,
                y=0,
                width=self.width,
                height=self.count * self.gap + 2,
                fieldFlags="multiline",
                maxlen=0,
                fontName=FIELD_FONT,
                fontSize=self.font_size,
                borderStyle="solid",
                borderWidth=FIELD_BORDER,
                borderColor=WRITING_LINE,
                fillColor=None,
                textColor=TEXT,
                tooltip=self.tooltip,
                relative=True,
            )


class PackMarker(Flowable):
    """Nothing to see: hidden, read-only fields that mark the PDF as a ConsultPrep pack and
    say whom it was made for (``made_for``, see ``exports.fieldnames``)."""

    def __init__(self, made_for: str = "") -> None:
        super().__init__()
        self.made_for = made_for

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Called by reportlab to ask for the size."""
        return 0, 0

    def draw(self) -> None:
        """Called by reportlab to draw."""
        with _on_this_page(self.canv) as form:
            for name, value in ((PACK_FIELD, PACK_VALUE), (FOR_FIELD, self.made_for)):
                form.textfield(
                    name=name,
                    value=value,
                    x=0,
                    y=0,
                    width=1,
                    height=1,
                    maxlen=0,
                    fontName=FIELD_FONT,
                    fontSize=1,
                    borderWidth=0,
                    borderColor=None,
                    fillColor=None,
                    fieldFlags="readOnly",
                    annotationFlags="hidden",
                    relative=True,
                )
