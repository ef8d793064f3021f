"""Co-production models: assemblies (pages), the co-production charter with its signatures, and
the involvement register (people, the consent ledger, demographics kept apart)."""

from .assemblies import AssemblyIndexPage, AssemblyPage, AssemblySession
from .charter import CharterPage, CharterPrinciple, CharterSignature
from .consent import Consent, ConsentRecord, ConsentWording, Method, Purpose
from .demographics import Demographics
from .register import Person, PersonRole, PostcodeArea, Role, Topic, normalise_email
from .signup import SignUp

__all__ = [
    "AssemblyIndexPage",
    "AssemblyPage",
    "AssemblySession",
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
    "SignUp",
    "Topic",
    "normalise_email",
]
