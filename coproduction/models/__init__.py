"""Co-production models: assemblies (pages), the co-production charter with its signatures,
the involvement register (people, the consent ledger, demographics kept apart, population
targets), the bulletins sent to the people on it, and the insight bank."""

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
from .targets import PopulationTarget, TargetImport

__all__ = [
    "AssemblyIndexPage",
    "AssemblyPage",
    "AssemblySession",
    "BulletinDelivery",
    "BulletinIndexPage",
    "BulletinPage",
    "BulletinSend",
    "CharterPage",
    "CharterPrinciple",
    "CharterSignature",
    "Consent",
    "ConsentRecord",
    "ConsentWording",
    "ConsentLevel",
    "Demographics",
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
    "Purpose",
    "RegisterExport",
    "RegisterSettings",
    "Role",
    "SignUp",
    "TargetImport",
    "Topic",
    "normalise_email",
]
