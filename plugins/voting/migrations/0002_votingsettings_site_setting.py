# VotingSettings becomes a Wagtail site setting: the same table and rows (one per site); the
# site link loses its reverse name and is no longer edited in forms.

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('voting', '0001_initial'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.AlterField(
            model_name='votingsettings',
            name='seconds_needed',
            field=models.PositiveSmallIntegerField(default=3, help_text='How many other members must second a proposal before it goes to the secretary. A change applies to proposals made from now on.', validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(500)], verbose_name='seconds needed'),
        ),
        migrations.AlterField(
            model_name='votingsettings',
            name='site',
            field=models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site'),
        ),
    ]
