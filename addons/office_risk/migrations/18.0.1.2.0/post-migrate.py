"""18.0.1.2.0: the role of the person at fault (office.risk.error.role) is
worked out from the person and no longer typed in. Before, an entry created
with a supervising leader or a department given got no role at all and was
charged the staff rates. Draft entries get their role again from the person;
confirmed and cancelled ones keep what their deductions were computed with."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    if not version:
        return
    env = api.Environment(cr, SUPERUSER_ID, {})
    Error = env["office.risk.error"].with_context(active_test=False)
    drafts = Error.search([("state", "=", "draft")])
    env.add_to_compute(Error._fields["role"], drafts)
    drafts.flush_recordset(["role"])
