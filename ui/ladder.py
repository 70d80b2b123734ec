"""The evidence ladder, painted: four rungs, treatments as pills (each kind its own colour and
shape), a warning marker.

Rung order comes from ``consultprep.evidence`` and colours from the current theme
(``ui.theme``; the light theme uses the PDF's colours), so the screen matches the PDF. The
same information is given as text in ``accessibleDescription()`` (see ``ladder_text``).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from consultprep.content import Concern, Library, Treatment
from consultprep.evidence import KIND_LABELS, KIND_ORDER, ladder_rows, unrated
from ui import theme

MARGIN = 8
GAP = 10
RUNG_PAD = 10
PILL_PAD_X = 12
PILL_PAD_Y = 6
PILL_GAP = 8
BADGE = 20  # diameter of the warning marker
FLAGS = Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop


def paint_kind(p: QPainter, kind: str, rect: QRectF) -> None:
    """A treatment kind's shape, filled with its colour. The kinds differ in shape too, for
    anyone who cannot tell the colours apart (and in grey): established care is round-ended,
    a regenerative option square-cornered, and waiting round-ended with a dashed line inside."""
    colours = theme.current()
    pen = QPen(QColor(colours.pill_border), 1) if colours.pill_border else Qt.PenStyle.NoPen
    p.setPen(pen)
    p.setBrush(QColor(colours.kind_colours[kind]))
    radius = 3.0 if kind == "regenerative" else min(rect.height() / 2, 16)
    p.drawRoundedRect(rect, radius, radius)
    if kind == "waiting":
        dashes = QPen(QColor(colours.pill_text), 1.5, Qt.PenStyle.DashLine)
        p.setPen(dashes)
        p.setBrush(Qt.BrushStyle.NoBrush)
        inner = rect.adjusted(3, 3, -3, -3)
        p.drawRoundedRect(inner, max(radius - 3, 0), max(radius - 3, 0))


def ladder_text(concern: Concern, library: Library) -> str:
    """The ladder as plain sentences, strongest evidence first (the text equivalent)."""
    parts = [f"Evidence ladder for {concern.name}, from the strongest evidence to the weakest."]
    for level, treatments in ladder_rows(concern):
        info = library.level_info(level)
        names = "; ".join(_describe(t, library) for t in treatments) or "no treatments here"
        parts.append(f"Rung {int(level)}, {info.short}: {names}.")
    waiting = unrated(concern)
    if waiting:
        names = "; ".join(_describe(t, library) for t in waiting)
        parts.append(f"Comparison point: {names}.")
    return " ".join(parts)


def _describe(t: Treatment, library: Library) -> str:
    text = f"{t.name} ({KIND_LABELS[t.kind].lower()})"
    if t.warning:
        text += f", marked: {library.warning_marker.short}"
    return text


@dataclass
class _Pill:
    rect: QRect
    text_rect: QRect
    treatment: Treatment


@dataclass
class _Row:
    rect: QRect
    label_rect: QRect
    label: str
    rung: int | None  # 1 to 4, or None for the comparison point
    pills: list[_Pill]
    empty_text: str = ""


class EvidenceLadder(QWidget):
    """A painted evidence ladder for one concern; height follows the width."""

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._concern: Concern | None = None
        self.setAccessibleName("Evidence ladder")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.setMinimumWidth(420)
        #: Laid-out rows per width, until the concern, font or style changes.
        self._layouts: dict[int, tuple[list[_Row], int]] = {}

    # --- data -----------------------------------------------------------------------------
    def set_concern(self, concern: Concern | None) -> None:
        """Show the ladder for ``concern`` (None shows nothing)."""
        self._concern = concern
        self._layouts.clear()
        text = ladder_text(concern, self._library) if concern else ""
        self.setAccessibleDescription(text)
        self.setToolTip("")
        self.updateGeometry()
        self.update()

    def text(self) -> str:
        """The text equivalent of what is drawn."""
        return self.accessibleDescription()

    # --- geometry -------------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        body = QFont(self.font())
        bold = QFont(body)
        bold.setBold(True)
        small = QFont(body)
        small.setPointSizeF(max(9.0, body.pointSizeF() * 0.9))
        return body, bold, small

    def _layout(self, width: int) -> tuple[list[_Row], int]:
        """Rows of the ladder for a given width, and the total height (remembered: Qt asks
        for the height many times in one layout pass)."""
        known = self._layouts.get(width)
        if known is None:
            if len(self._layouts) >= 8:
                self._layouts.clear()
            known = self._layouts[width] = self._lay_out(width)
        return known

    def changeEvent(self, event: QEvent) -> None:
        """Called by Qt when the font or style changes: lay the ladder out afresh."""
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._layouts.clear()
        super().changeEvent(event)

    def _lay_out(self, width: int) -> tuple[list[_Row], int]:
        concern = self._concern
        if concern is None:
            return [], 0
        body, bold, small = self._fonts()
        fm, fm_bold = QFontMetrics(body), QFontMetrics(bold)
        entries = [
            # The rung's number is kept with the first word (it was left alone on a line).
            (f"{int(level)}.\u00a0{self._library.level_info(level).short}", int(level), ts)
            for level, ts in ladder_rows(concern)
        ]
        entries.append(("Comparison point", None, unrated(concern)))
        # Wide enough for the longest word of a rung's name ("Recommended" at large text),
        # which cannot be wrapped and would run under the treatments.
        longest = max(
            fm_bold.horizontalAdvance(w) for label, _, _ in entries for w in label.split(" ")
        )
        label_w = max(170, min(320, int(width * 0.34)), longest + 2 * RUNG_PAD + 4)
        area_x = MARGIN + label_w + GAP
        area_w = max(120, width - area_x - MARGIN - RUNG_PAD)
        y = MARGIN + QFontMetrics(small).lineSpacing() + 4  # "Stronger evidence" caption
        rows: list[_Row] = []
        for n, (label, rung, treatments) in enumerate(entries):
            if rung is None and not treatments:
                continue
            if rung is None:
                y += GAP
            label_rect = fm_bold.boundingRect(
                QRect(MARGIN + RUNG_PAD, 0, label_w - 2 * RUNG_PAD, 10_000), FLAGS, label
            )
            pills: list[_Pill] = []
            px, py, line_h = area_x, 0, 0
            for t in treatments:
                badge = self._badge_size() + 6 if t.warning else 0
                max_text = area_w - 2 * PILL_PAD_X - badge
                tr = fm_bold.boundingRect(QRect(0, 0, max_text, 10_000), FLAGS, t.name)
                pw = tr.width() + 2 * PILL_PAD_X + badge
                ph = max(tr.height(), self._badge_size() if t.warning else 0) + 2 * PILL_PAD_Y
                if px > area_x and px + pw > area_x + area_w:
                    px, py, line_h = area_x, py + line_h + PILL_GAP, 0
                pills.append(_Pill(QRect(px, py, pw, ph), QRect(0, 0, tr.width(), tr.height()), t))
                px += pw + PILL_GAP
                line_h = max(line_h, ph)
            pills_h = py + line_h
            empty = "" if treatments else "None here"
            if empty:
                pills_h = fm.lineSpacing()
            row_h = max(label_rect.height(), pills_h, 36) + 2 * RUNG_PAD
            top = y
            for p in pills:  # centre the block of pills vertically in the rung
                p.rect.translate(0, top + (row_h - pills_h) // 2)
                inner_h = p.text_rect.height()
                p.text_rect = QRect(
                    p.rect.x() + PILL_PAD_X,
                    p.rect.y() + (p.rect.height() - inner_h) // 2,
                    p.text_rect.width(),
                    inner_h,
                )
            label_rect.moveTop(top + (row_h - label_rect.height()) // 2)
            rows.append(
                _Row(
                    QRect(MARGIN, top, width - 2 * MARGIN, row_h),
                    label_rect,
                    label,
                    rung,
                    pills,
                    empty,
                )
            )
            y += row_h + 2
            if n == 3:  # below the lowest rung: room for the "Weaker evidence" caption
                y += QFontMetrics(small).lineSpacing() + 4
        legend_h = self._legend_height(width)
        return rows, y + GAP + legend_h + MARGIN

    def _legend_items(self) -> list[tuple[str, str, bool]]:
        """(text, kind, is the warning marker) for each entry of the key."""
        items = [(KIND_LABELS[k], k, False) for k in KIND_ORDER]
        items.append((self._library.warning_marker.short, "", True))
        return items

    def _legend_layout(self, width: int, top: int) -> list[tuple[QRect, QRect, str, str, bool]]:
        _, _, small = self._fonts()
        fm = QFontMetrics(small)
        x, y, line_h = MARGIN, top, 0
        badge = self._badge_size()
        out = []
        for text, kind, is_warning in self._legend_items():
            tw = min(fm.horizontalAdvance(text) + 2, width - 2 * MARGIN - badge - 8)
            tr = fm.boundingRect(QRect(0, 0, tw, 10_000), FLAGS, text)
            w = badge + 8 + tr.width() + 24
            h = max(badge, tr.height())
            if x > MARGIN and x + w > width - MARGIN:
                x, y, line_h = MARGIN, y + line_h + 6, 0
            swatch = QRect(x, y + (h - badge) // 2, badge, badge)
            text_rect = QRect(x + badge + 8, y + (h - tr.height()) // 2, tr.width(), tr.height())
            out.append((swatch, text_rect, text, kind, is_warning))
            x += w
            line_h = max(line_h, h)
        return out

    def _legend_height(self, width: int) -> int:
        items = self._legend_layout(width, 0)
        return max((r.bottom() for _, r, *_ in items), default=0) + 4

    def hasHeightForWidth(self) -> bool:
        """Called by Qt layouts: the ladder's height depends on its width."""
        return True

    def heightForWidth(self, width: int) -> int:
        """Called by Qt layouts to ask how tall the ladder is at ``width``."""
        return self._layout(width)[1]

    def sizeHint(self) -> QSize:
        """Called by Qt layouts for the preferred size."""
        return QSize(760, self.heightForWidth(760))

    def minimumSizeHint(self) -> QSize:
        """Called by Qt layouts for the smallest useful size."""
        return QSize(420, self.heightForWidth(420) if self._concern else 0)

    # --- painting -------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        """Called by Qt to draw the ladder (in the current theme's colours)."""
        if self._concern is None:
            return
        colours = theme.current()
        width = self.width()
        rows, total = self._layout(width)
        body, bold, small = self._fonts()
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(colours.ladder_back))
        p.setFont(small)
        p.setPen(QColor(colours.hint))
        p.drawText(
            QRect(MARGIN, MARGIN, width, QFontMetrics(small).lineSpacing()),
            Qt.AlignmentFlag.AlignLeft,
            "▲ Stronger evidence",
        )
        rungs = [r for r in rows if r.rung is not None]
        if rungs:
            below = rungs[-1].rect.bottom() + 4
            p.drawText(
                QRect(MARGIN, below, width, QFontMetrics(small).lineSpacing()),
                Qt.AlignmentFlag.AlignLeft,
                "▼ Weaker evidence",
            )
        for row in rows:
            if row.rung is not None:
                fill = colours.rung_fills[row.rung]
                border = colours.rung_text if fill == colours.ladder_back else None
                p.setPen(QPen(QColor(border), 1) if border else Qt.PenStyle.NoPen)
                p.setBrush(QColor(fill))
                p.drawRoundedRect(QRectF(row.rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
            else:
                p.setPen(QPen(QColor(colours.comparison_border), 1, Qt.PenStyle.DashLine))
                p.setBrush(Qt.BrushStyle.NoBrush)
                p.drawRoundedRect(QRectF(row.rect).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6)
            p.setFont(bold)
            p.setPen(QColor(colours.rung_text))
            p.drawText(row.label_rect, FLAGS, row.label)
            if row.empty_text:
                p.setFont(body)
                p.setPen(QColor(colours.rung_text))
                x = row.label_rect.right() + GAP * 2
                x = max(x, MARGIN + max(170, min(320, int(width * 0.34))) + GAP)
                p.drawText(
                    QRect(x, row.rect.y(), width - x - MARGIN, row.rect.height()),
                    Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                    row.empty_text,
                )
            for pill in row.pills:
                self._paint_pill(p, pill, bold)
        legend_top = total - MARGIN - self._legend_height(width) + 4
        p.setFont(small)
        for swatch, text_rect, text, kind, is_warning in self._legend_layout(width, legend_top):
            if is_warning:
                self._paint_badge(p, swatch)
            else:
                paint_kind(p, kind, QRectF(swatch))
            p.setFont(small)  # the badge changed the font
            p.setPen(QColor(colours.text))
            p.drawText(text_rect, FLAGS, text)
        if self.hasFocus():
            p.setPen(QPen(QColor(colours.focus), 3))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRect(QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5))
        p.end()

    def _paint_pill(self, p: QPainter, pill: _Pill, bold: QFont) -> None:
        colours = theme.current()
        t = pill.treatment
        paint_kind(p, t.kind, QRectF(pill.rect))
        p.setFont(bold)
        p.setPen(QColor(colours.pill_text))
        p.drawText(pill.text_rect, FLAGS, t.name)
        if t.warning:
            size = self._badge_size()
            badge = QRect(
                pill.rect.right() - PILL_PAD_X - size + 4,
                pill.rect.center().y() - size // 2,
                size,
                size,
            )
            self._paint_badge(p, badge)

    def _paint_badge(self, p: QPainter, rect: QRect) -> None:
        """The red "!" in a ring of its text colour, which keeps it clear on any background
        (on a pill and in the key: a red disc alone is faint on the dark themes)."""
        colours = theme.current()
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(colours.warning_text))
        p.drawEllipse(QRectF(rect).adjusted(-2, -2, 2, 2))
        p.setBrush(QColor(colours.warning))
        p.drawEllipse(QRectF(rect))
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(int(rect.height() * 0.75))
        p.setFont(font)
        p.setPen(QColor(colours.warning_text))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, "!")

    def _badge_size(self) -> int:
        """The warning marker's diameter: 20 pixels, or more with large text."""
        return max(BADGE, round(QFontMetrics(self.font()).height() * 1.1))
