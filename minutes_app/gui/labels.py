"""Interface labels of the model's enumerations, translated when asked (the language can change)."""

from __future__ import annotations

from enum import Enum

from ..l10n.i18n import gettext as _
from ..l10n.i18n import pgettext
from ..model import Gender, Language, MeetingKind, Role, Signing, Target


def enum_label(value: Enum) -> str:
    """The label a person reads for one value of a model enumeration."""
    labels: dict[Enum, str] = {
        Gender.MALE: pgettext("gender", "Male"),
        Gender.FEMALE: pgettext("gender", "Female"),
        Gender.UNSPECIFIED: pgettext("gender", "Not given"),
        Role.CHAIR: pgettext("role", "Chair"),
        Role.SECRETARY: pgettext("role", "Secretary"),
        Role.MEMBER: pgettext("role", "Member"),
        Role.GUEST: pgettext("role", "Guest"),
        Target.AT_LEAST: _("At least the plan"),
        Target.AT_MOST: _("At most the plan"),
        MeetingKind.IN_PERSON: _("In person"),
        MeetingKind.ONLINE: _("Online"),
        MeetingKind.HYBRID: _("In person and online"),
        Language.VI: _("Vietnamese"),
        Language.EN: _("English"),
        Signing.DIRECT: _("The head signs"),
        Signing.ON_BEHALF: _("A deputy signs on behalf (KT.)"),
        Signing.BY_ORDER: _("Signed by order (TL.)"),
        Signing.BY_DELEGATION: _("Signed by delegation (TUQ.)"),
        Signing.ACTING: _("An acting head signs (Q.)"),
    }
    label = labels.get(value)
    return label if label is not None else _computed_label(value)


def _computed_label(value: Enum) -> str:
    """The label of a computed status (of an indicator, of a task)."""
    from ..model import Status, TaskStatus  # (the computations: not needed for the window to open)

    labels: dict[Enum, str] = {
        Status.MET: _("Met"),
        Status.NOT_MET: _("Not met"),
        Status.UNKNOWN: "",
        TaskStatus.OPEN: pgettext("task", "Open"),
        TaskStatus.OVERDUE: pgettext("task", "Overdue"),
        TaskStatus.DONE: pgettext("task", "Done"),
    }
    return labels.get(value, str(value))
