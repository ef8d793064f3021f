"""The forms people fill in to register, sign in and ask for a new verification link."""

from django import forms
from django.contrib.auth import authenticate, get_user_model, password_validation
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import BaseUserManager
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Registration

EMAIL_ERRORS = {
    "required": _("Enter your email address."),
    "invalid": _("Enter an email address like name@example.org."),
}


def accounts_with_email(email):
    """Every account whose email address or username is ``email``, in any letter case."""
    return get_user_model().objects.filter(Q(email__iexact=email) | Q(username__iexact=email))


class RegistrationForm(forms.Form):
    """Register with an email address, a name and a password chosen twice.

    The account starts switched off; clicking the emailed link switches it on. The username
    is the lower-cased address, so the database's unique username refuses a second account
    for the same address even when two people submit at the same moment.
    """

    email = forms.EmailField(
        label=_("Email address"),
        # The username is the address, and Django's usernames hold at most 150 characters.
        max_length=150,
        help_text=_("We will send a link to this address to check that it is yours."),
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    first_name = forms.CharField(
        label=_("First name"),
        max_length=150,
        error_messages={"required": _("Enter your first name.")},
        widget=forms.TextInput(attrs={"autocomplete": "given-name"}),
    )
    last_name = forms.CharField(
        label=_("Last name"),
        max_length=150,
        error_messages={"required": _("Enter your last name.")},
        widget=forms.TextInput(attrs={"autocomplete": "family-name"}),
    )
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        help_text=password_validation.password_validators_help_text_html,
        error_messages={"required": _("Choose a password.")},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    password2 = forms.CharField(
        label=_("Password again"),
        strip=False,
        help_text=_("Type the same password again, to be sure it has no typing mistake."),
        error_messages={"required": _("Type your password again.")},
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )

    def clean_email(self):
        """The address with its domain in lower case.

        An address that already has an account is not refused here: the form must not tell
        anyone which addresses have accounts (:meth:`save` makes no account for it).
        """
        return BaseUserManager.normalize_email(self.cleaned_data["email"].strip())

    def clean_password2(self):
        """Check that both passwords match."""
        password1 = self.cleaned_data.get("password1")
        password2 = self.cleaned_data["password2"]
        if password1 and password1 != password2:
            raise forms.ValidationError(
                _("The two passwords are different. Type the same password twice."),
                code="password_mismatch",
            )
        return password2

    def _post_clean(self):
        # Django's validators see the names and address, to refuse a password like them.
        super()._post_clean()
        password = self.cleaned_data.get("password2")
        if password:
            try:
                password_validation.validate_password(password, self.unsaved_user())
            except forms.ValidationError as error:
                self.add_error("password1", error)

    def unsaved_user(self):
        """A user built from the form, not yet saved, switched off until verified."""
        data = self.cleaned_data
        email = data.get("email", "")
        return get_user_model()(
            username=email.lower(),
            email=email,
            first_name=data.get("first_name", ""),
            last_name=data.get("last_name", ""),
            is_active=False,
        )

    def save(self):
        """Create the switched-off user and their registration; return the user.

        Returns ``None``, and changes nothing, when the address already has an account,
        including one registered by someone else a moment ago (the unique username decides).
        """
        user = self.unsaved_user()
        # Hashed even for a taken address: the slow hash would otherwise tell by the time
        # taken to answer that the address has an account.
        user.set_password(self.cleaned_data["password1"])
        if accounts_with_email(user.email).exists():
            return None
        try:
            with transaction.atomic():
                user.save()
                Registration.objects.create(user=user)
        except IntegrityError:
            return None
        return user


class EmailAuthenticationForm(AuthenticationForm):
    """Sign in with an email address and password.

    An account that has not been verified is told so (only when the password is right, so
    the form reveals nothing to someone guessing addresses) and offered a new link.
    """

    username = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(
            attrs={"autofocus": True, "autocomplete": "username", "spellcheck": "false"}
        ),
    )
    password = forms.CharField(
        label=_("Password"),
        strip=False,
        error_messages={"required": _("Enter your password.")},
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    error_messages = {
        "invalid_login": _(
            "The email address or password is not right. Check them and try again, or reset "
            "your password."
        ),
        "inactive": _("This account is switched off. Contact the site's team."),
        "unverified": _(
            "You need to verify your email address before you can sign in. Use the link we "
            "emailed you, or ask for a new one below."
        ),
    }

    def clean(self):
        """Sign in, or say why not; an unverified account gets its own message."""
        email = self.cleaned_data.get("username")
        password = self.cleaned_data.get("password")
        if email and password:
            self.user_cache = authenticate(self.request, username=email, password=password)
            if self.user_cache is None:
                if self.unverified_account(email, password) is not None:
                    raise forms.ValidationError(
                        self.error_messages["unverified"], code="unverified"
                    )
                raise self.get_invalid_login_error()
            self.confirm_login_allowed(self.user_cache)
        return self.cleaned_data

    @staticmethod
    def unverified_account(email, password):
        """The registered, unverified account with this address and password, if any."""
        waiting = get_user_model().objects.filter(
            email__iexact=email, is_active=False, registration__verified_at__isnull=True
        )
        return next((user for user in waiting if user.check_password(password)), None)

    @property
    def is_unverified(self):
        """Whether the form refused an account that has not been verified."""
        return self.has_error(forms.forms.NON_FIELD_ERRORS, "unverified")


class ResendVerificationForm(forms.Form):
    """Ask for a new verification link. The answer never says whether the address is known."""

    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        error_messages=EMAIL_ERRORS,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )

    def waiting_accounts(self):
        """Registered accounts with this address that still wait for verification."""
        return (
            get_user_model()
            .objects.filter(
                email__iexact=self.cleaned_data["email"],
                is_active=False,
                registration__verified_at__isnull=True,
            )
            .select_related("registration")
        )
