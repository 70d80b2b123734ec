"""A part of a card or list that may start a page, with the name of what it belongs to over it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.platypus import Flowable, KeepTogether, Paragraph

from exports.fonts import safe_text

if TYPE_CHECKING:
    from exports.pack import Pack


class Continued(Flowable):
    """A treatment card's last paragraph ("What we don't know yet") on its own, with the
    card's name over it ("Psoriasis: … (continued)") when it starts a page: in large print a
    card may go over a page end there, and at the top of the next page the paragraph read as
    if it belonged to nothing. It moves whole, never split.

    The same goes for a clinic check after the first ("How to check a clinic in the UK
    (continued)" over its heading): give it the check's heading, first in the check's
    ``KeepTogether``, so the spacing and the keeping are the heading's own."""

    GAP = 2

    def __init__(self, name: Paragraph, paragraph: Flowable) -> None:
        super().__init__()
        self.name = name
        self.paragraph = paragraph
        self.named = False

    def _at_top(self) -> bool:
        frame = getattr(self, "_frame", None)  # set by the frame placing it (reportlab)
        return bool(frame is not None and getattr(frame, "_atTop", False))

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.named = self._at_top()
        height = self.paragraph.wrap(avail_width, avail_height)[1]
        if self.named:
            height += self.name.wrap(avail_width, avail_height)[1] + self.GAP
        self.width, self.height = avail_width, height
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return []  # whole, on the next page

    def getSpaceBefore(self) -> float:
        return self.paragraph.getSpaceBefore()

    def getSpaceAfter(self) -> float:
        return self.paragraph.getSpaceAfter()

    def draw(self) -> None:
        if self.named:
            self.name.drawOn(self.canv, 0, self.height - self.name.height)
        self.paragraph.drawOn(self.canv, 0, 0)


def continued_under(pack: Pack, title: str, item: Flowable) -> Continued:
    """``item`` of a list under ``title``, with "``title`` (continued)" over it if it starts a
    page (alone at the top of a page, a last point read as if it belonged to nothing)."""
    return Continued(pack.para(f"{safe_text(title)} (continued)", "small"), item)


class KeptOrOtherOrder(KeepTogether):
    """``flowables`` kept together, as ``KeepTogether``; but where they do not fit in what
    is left of the page, the first of ``orders`` (``first``, ``rest``: the same parts split
    in two) whose ``first`` part fits goes on this page instead, ``first`` kept together and
    ``rest`` after it, rather than all of it moving to the next page.

    For the evidence section's opening (nearly a page): a last question that went over onto
    a new page stood alone on it above a blank three quarters, and three questions above a
    blank half (a visual review); the text about the skin now goes under them."""

    def __init__(
        self, flowables: list[Flowable], *orders: tuple[list[Flowable], list[Flowable]]
    ) -> None:
        super().__init__(flowables)
        self.orders = orders

    def split(self, aW: float, aH: float) -> list[Flowable]:
        from reportlab.platypus.flowables import _listWrapOn

        if _listWrapOn(self._content, aW, self.canv)[1] <= aH:  # all of it fits: as it is
            return super().split(aW, aH)
        for first, rest in self.orders:
            # (Measured as a list: a KeepTogether's own wrap says 16,777,215 points.)
            if _listWrapOn(first, aW, self.canv)[1] <= aH:
                # First a no-op, as KeepTogether's own split: reportlab places the first
                # part of a split at once, and a KeepTogether never fits when placed so.
                return [self.NullActionFlowable(), KeepTogether(first), *rest]
        return super().split(aW, aH)
