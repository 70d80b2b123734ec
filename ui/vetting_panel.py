"""How to check a clinic in the UK: a panel that stays folded away until asked for."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from consultprep.citations import sources_line
from consultprep.content import Library
from consultprep.vetting import Vetting, load_vetting
from ui.widgets import HINT, NOTICE, card, plain_label, reveal

CLOSED, OPEN = "▶", "▼"  # the same marks as Next and Down, as large
#: After the intro: the ticks are kept in the draft (and printed with a clinic's offer).
TICK_WHEN_DONE = "Tick “I have done this check” for each one you have done."


class VettingPanel(QWidget):
    """A button that shows or hides the UK checks: what each means, where to look, and a
    tick box for each check the patient has done (``changed`` when one is ticked or not)."""

    changed = Signal()

    def __init__(
        self, library: Library, vetting: Vetting | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.vetting = vetting or load_vetting()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        # A plain button, not a checkable one: "pressed" styling would make it look like a
        # setting rather than a way to show more.
        self.toggle_button = QPushButton()
        self.toggle_button.setAutoDefault(True)  # Enter opens or closes it, not Next
        self.toggle_button.setAccessibleName(self.vetting.title)
        self.toggle_button.clicked.connect(self._clicked)
        # Wide enough for either label, so the text is never clipped when it changes.
        bold = self.toggle_button.font()
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        widest = max(metrics.horizontalAdvance(self._label(on)) for on in (False, True))
        self.toggle_button.setMinimumWidth(widest + 48)
        row = QHBoxLayout()
        row.addWidget(self.toggle_button)
        row.addStretch(1)
        layout.addLayout(row)
        # For a clinic abroad, that these checks are for the UK is said first, in a box, and
        # seen with the checks folded away (as the PDF says it); else it ends the checks.
        self.abroad_notice = plain_label(self.vetting.abroad_note, role=NOTICE)
        self.abroad_notice.hide()
        layout.addWidget(self.abroad_notice)

        self.body, box = card()
        box.addWidget(plain_label(f"{self.vetting.intro} {TICK_WHEN_DONE}", role=HINT))
        self.done_checks: dict[str, QCheckBox] = {}
        for n, check in enumerate(self.vetting.checks, 1):
            box.addSpacing(6)
            box.addWidget(plain_label(f"{n}.  {check.title}", role="strong", selectable=True))
            box.addWidget(plain_label(check.what, selectable=True))
            box.addWidget(plain_label(f"Where to look: {check.where}", selectable=True))
            sources = sources_line(library, check.citations)
            if sources:
                box.addWidget(plain_label(sources, role=HINT))
            done = QCheckBox("I have done this check")
            done.setAccessibleName(f"I have done this check: {check.title}")
            done.toggled.connect(self.changed)
            self.done_checks[check.id] = done
            box.addWidget(done)
        box.addSpacing(6)
        self.uk_note = plain_label(self.vetting.abroad_note, role=HINT)
        box.addWidget(self.uk_note)
        layout.addWidget(self.body)
        self.set_open(False)

    def set_abroad(self, abroad: bool) -> None:
        """Say that the checks are for the UK first, in a box (True: the clinic is abroad),
        or at the end of the checks."""
        self.abroad_notice.setHidden(not abroad)
        self.uk_note.setHidden(abroad)

    def done(self) -> list[str]:
        """The ids of the checks ticked as done, in the panel's order."""
        return [check_id for check_id, box in self.done_checks.items() if box.isChecked()]

    def ticks(self) -> dict[str, bool]:
        """Each check's id: whether it is ticked as done."""
        return {check_id: box.isChecked() for check_id, box in self.done_checks.items()}

    def set_done(self, ids: list[str]) -> None:
        """Tick the checks in ``ids`` (and no others); open the panel if any is ticked, so
        the ticks are seen."""
        for check_id, box in self.done_checks.items():
            box.setChecked(check_id in ids)
        if self.done():
            self.set_open(True)

    def is_open(self) -> bool:
        """True while the checks are shown."""
        return not self.body.isHidden()

    def _clicked(self) -> None:
        self.set_open(not self.is_open())
        if self.is_open():
            reveal(self.body, self.toggle_button)

    def set_open(self, on: bool) -> None:
        """Show (True) or hide the checks."""
        self.body.setVisible(on)
        self.toggle_button.setText(self._label(on))
        self.toggle_button.setAccessibleDescription(
            "Hides the checks" if on else "Shows what to check and where to look"
        )

    def _label(self, on: bool) -> str:
        # No "Show:" / "Hide:" words: the arrow says it, and the label fits at 200 % text.
        return f"{OPEN if on else CLOSED}  {self.vetting.title}"
