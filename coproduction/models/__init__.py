"""Co-production models: assemblies (pages), the co-production charter with its signatures,
the involvement register (people, the consent ledger, demographics kept apart, population
targets), the bulletins sent to the people on it, the bookings people make to take part,
selection by lot for assemblies, "You said, we did" (recommendations, commitments and their
updates) and the insight bank."""

from .accountability import (
    Commitment,
    CommitmentUpdate,
    Recommendation,
    SourceKind,
    UpdateDelivery,
    YouSaidWeDidPage,
)
from .assemblies import AssemblyIndexPage, AssemblyPage, AssemblySession
from .bulletins import BulletinDelivery, BulletinIndexPage, BulletinPage, BulletinSend
from .charter import CharterPage, CharterPrinciple, CharterSignature
from .consent import Consent, ConsentRecord, ConsentWording, Method, Purpose
from .demographics import Demographics
from .insight import (
    ConsentLevel,
    Insight,
    InsightImport,
    InsightRedaction,
    InsightSource,
    InsightSynonym,
    InsightTag,
    InsightTheme,
    OrganisationStaff,
)
from .insight_pages import InsightBankPage
from .register import Person, PersonRole, PostcodeArea, Role, Topic, normalise_email
from .register_staff import RegisterExport, RegisterSettings
from .signup import SignUp
from .sortition import DrawAttempt, Invitation, InvitationRound, Selection, Volunteer
from .taking_part import Booking, BookingMode
from .targets import PopulationTarget, TargetImport

__all__ = [
    "AssemblyIndexPage",
    "AssemblyPage",
    "AssemblySession",
    "Booking",
    "BookingMode",
    "BulletinDelivery",
    "BulletinIndexPage",
    "BulletinPage",
    "BulletinSend",
    "CharterPage",
    "CharterPrinciple",
    "CharterSignature",
    "Commitment",
    "CommitmentUpdate",
    "Consent",
    "ConsentRecord",
    "ConsentWording",
    "ConsentLevel",
    "Demographics",
    "DrawAttempt",
    "Invitation",
    "InvitationRound",
    "Insight",
    "InsightBankPage",
    "InsightImport",
    "InsightRedaction",
    "InsightSource",
    "InsightSynonym",
    "InsightTag",
    "InsightTheme",
    "OrganisationStaff",
    "Method",
    "Person",
    "PersonRole",
    "PopulationTarget",
    "PostcodeArea",
    "Recommendation",
    "Purpose",
    "RegisterExport",
    "RegisterSettings",
    "Role",
    "Selection",
    "SignUp",
    "SourceKind",
    "TargetImport",
    "Topic",
    "UpdateDelivery",
    "Volunteer",
    "YouSaidWeDidPage",
    "normalise_email",
]
