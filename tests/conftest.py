"""Shared test set-up: Qt runs offscreen; domain tests never import Qt."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
