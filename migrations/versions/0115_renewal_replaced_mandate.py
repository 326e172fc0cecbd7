"""renewal replaced mandate: a renewal paid by hand with a new card names the mandate it replaced

Paying a failed renewal by hand with a new card switched the contract to the new mandate, but the old one stayed
active at the provider: the shopper's replaced card still authorised recurring charges there. The renewal now
names the provider mandate it replaced, and the outbox cancels it at the provider once the renewal commits.
Renewals paid before keep null (their old mandates are not known any more).

Revision ID: 0115_renewal_replaced_mandate
Revises: 0114_discrepancy_fees
Create Date: 2026-11-27 09:00:00

"""
from alembic import op
import sqlalchemy as sa

revision = '0115_renewal_replaced_mandate'
down_revision = '0114_discrepancy_fees'
branch_labels = None
depends_on = None


def upgrade():
    op.add_column('subscription_renewals', sa.Column('replaced_mandate_channel', sa.String(length=40), nullable=True))
    op.add_column('subscription_renewals', sa.Column('replaced_mandate_reference', sa.String(length=200),
                                                     nullable=True))


def downgrade():
    with op.batch_alter_table('subscription_renewals') as batch:
        batch.drop_column('replaced_mandate_reference')
        batch.drop_column('replaced_mandate_channel')
