"""Co-production models: assemblies (pages), the co-production charter with its signatures,
the involvement register (people, the consent ledger, demographics kept apart, population
targets), the bulletins sent to the people on it, and selection by lot for assemblies."""

from .assemblies import AssemblyIndexPage, AssemblyPage, AssemblySession
from .bulletins import BulletinDelivery, BulletinIndexPage, BulletinPage, BulletinSend
from .charter import CharterPage, CharterPrinciple, CharterSignature
from .consent import Consent, ConsentRecord, ConsentWording, Method, Purpose
from .demographics import Demographics
from .register import Person, PersonRole, PostcodeArea, Role, Topic, normalise_email
from .register_staff import RegisterExport, RegisterSettings
from .signup import SignUp
from .sortition import DrawAttempt, Invitation, InvitationRound, Selection, Volunteer
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
    "Demographics",
    "DrawAttempt",
    "Invitation",
    "InvitationRound",
    "Method",
    "Person",
    "PersonRole",
    "PopulationTarget",
    "PostcodeArea",
    "Purpose",
    "RegisterExport",
    "RegisterSettings",
    "Role",
    "Selection",
    "SignUp",
    "TargetImport",
    "Topic",
    "Volunteer",
    "normalise_email",
]
