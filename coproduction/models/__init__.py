"""Co-production models: assemblies (pages), the co-production charter with its signatures,
the involvement register (people, the consent ledger, demographics kept apart), and the
bulletins sent to the people on it."""

from .assemblies import AssemblyIndexPage, AssemblyPage, AssemblySession
from .bulletins import BulletinDelivery, BulletinIndexPage, BulletinPage, BulletinSend
from .charter import CharterPage, CharterPrinciple, CharterSignature
from .consent import Consent, ConsentRecord, ConsentWording, Method, Purpose
from .demographics import Demographics
from .register import Person, PersonRole, PostcodeArea, Role, Topic, normalise_email

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
    "Method",
    "Person",
    "PersonRole",
    "PostcodeArea",
    "Purpose",
    "Role",
    "Topic",
    "normalise_email",
]
