"""The controls of one score criterion: its name, a weight slider (0–10) with a spin box, and its
key threshold (minimum kV, radius km or minimum area ha) as a spin box."""

from __future__ import annotations

from gridscout.gui.i18n import translate, translate_wording
from gridscout.scoring.criteria import Criterion, criterion_type
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QSlider,
    QWidget,
)

MAX_WEIGHT = 10


def criterion_title(c: Criterion) -> str:
    """The criterion's title in the interface language (a profile's own label stays as written)."""
    return translate_wording(criterion_type(c.type).display_title(c))


class StepSpinBox(QDoubleSpinBox):
    """A spin box whose arrows step through ``steps`` (e.g. voltage classes)."""

    def __init__(self, steps: tuple[float, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.steps = tuple(sorted(steps))

    def stepBy(self, n: int) -> None:
        v = self.value()
        if n > 0:
            bigger = [s for s in self.steps if s > v + 1e-9]
            target = bigger[min(n, len(bigger)) - 1] if bigger else v
        else:
            smaller = [s for s in self.steps if s < v - 1e-9][::-1]
            target = smaller[min(-n, len(smaller)) - 1] if smaller else v
        self.setValue(target)

    def stepEnabled(self):
        flags = QDoubleSpinBox.StepEnabledFlag.StepNone
        if any(s > self.value() + 1e-9 for s in self.steps):
            flags |= QDoubleSpinBox.StepEnabledFlag.StepUpEnabled
        if any(s < self.value() - 1e-9 for s in self.steps):
            flags |= QDoubleSpinBox.StepEnabledFlag.StepDownEnabled
        return flags


class CriterionControls(QWidget):
    """Emits ``weightChanged(id, weight)`` and ``thresholdChanged(id, setting, value)``."""

    weightChanged = Signal(str, float)
    thresholdChanged = Signal(str, str, float)

    def __init__(self, criterion: Criterion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.criterion = criterion
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(1)
        self.title = QLabel(f"<b>{criterion_title(criterion)}</b>")
        self.title.setToolTip(translate("CriterionControls", "criterion {id} ({type}), transform {name}").format(id=repr(criterion.id), type=criterion.type, name=criterion.transform.name))
        grid.addWidget(self.title, 0, 0, 1, 2)
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.setObjectName(f"weight_{criterion.id}")
        self.slider.setRange(0, MAX_WEIGHT)
        self.slider.setPageStep(1)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1)
        self.slider.setToolTip(translate("CriterionControls", "Weight: how much this criterion counts (0 = not at all)"))
        self.spin = QDoubleSpinBox()
        self.spin.setRange(0.0, float(MAX_WEIGHT))
        self.spin.setDecimals(1)
        self.spin.setSingleStep(0.5)
        self.spin.setKeyboardTracking(False)
        self.spin.setToolTip(translate("CriterionControls", "Weight"))
        grid.addWidget(self.slider, 1, 0)
        grid.addWidget(self.spin, 1, 1)
        self.threshold: QDoubleSpinBox | None = None
        self.setting: str | None = None
        spec = criterion_type(criterion.type).threshold
        if spec is not None:
            box = StepSpinBox(spec.steps) if spec.steps else QDoubleSpinBox()
            box.setObjectName(f"threshold_{criterion.id}")
            box.setRange(spec.minimum, spec.maximum)
            box.setDecimals(spec.decimals)
            if spec.step:
                box.setSingleStep(spec.step)
            box.setSuffix(spec.suffix)
            box.setPrefix(spec.prefix)
            box.setKeyboardTracking(False)
            box.setToolTip(translate_wording(spec.tooltip))
            box.setValue(float(criterion.settings.get(spec.setting) or 0.0))
            box.valueChanged.connect(self._threshold_changed)
            grid.addWidget(box, 0, 1)
            self.threshold, self.setting = box, spec.setting
        grid.setColumnStretch(0, 1)
        self.set_weight(criterion.weight)
        self.slider.valueChanged.connect(self._slider_moved)
        self.spin.valueChanged.connect(self._spin_changed)

    @property
    def criterion_id(self) -> str:
        return self.criterion.id

    def set_weight(self, weight: float) -> None:
        for w in (self.slider, self.spin):
            w.blockSignals(True)
        self.slider.setValue(int(round(min(max(weight, 0.0), MAX_WEIGHT))))
        self.spin.setValue(float(weight))
        for w in (self.slider, self.spin):
            w.blockSignals(False)

    def _slider_moved(self, value: int) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(float(value))
        self.spin.blockSignals(False)
        self.weightChanged.emit(self.criterion_id, float(value))

    def _spin_changed(self, value: float) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(int(round(value)))
        self.slider.blockSignals(False)
        self.weightChanged.emit(self.criterion_id, float(value))

    def _threshold_changed(self, value: float) -> None:
        self.thresholdChanged.emit(self.criterion_id, self.setting, float(value))
