"""renewal awaited payment: a renewal remembers the deduction whose outcome it waits for

A renewal try whose deduction came back pending or unknown waited and looked again hours later; when the provider
then said the deduction failed, nothing recorded that try's failure, and the look-again charged once more outside
the merchant's dunning schedule (no failed-renewal event or email, no past due, an extra try after the last).
``subscription_renewals.awaiting_payment_id`` names that deduction, so its failure is recorded once as the try's
failure and the next try follows the dunning schedule. Existing rows start with none (a renewal waiting now is
looked at again as before).

Revision ID: 0131_renewal_awaited_payment
Revises: 0130_channel_fees_per_currency
Create Date: 2026-11-27 02:30:00

"""
import sqlalchemy as sa
from alembic import op

revision = '0131_renewal_awaited_payment'
down_revision = '0130_channel_fees_per_currency'
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("subscription_renewals") as batch:
        batch.add_column(sa.Column("awaiting_payment_id", sa.String(length=40), nullable=True))


def downgrade():
    with op.batch_alter_table("subscription_renewals") as batch:
        batch.drop_column("awaiting_payment_id")
