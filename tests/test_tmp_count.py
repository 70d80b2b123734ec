from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QEvent
def test_count(qapp):
    print("\nwidgets alive", len(QApplication.allWidgets()), "top", len(QApplication.topLevelWidgets()))
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    print("after flush", len(QApplication.allWidgets()))
