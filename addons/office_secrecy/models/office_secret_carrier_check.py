from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError


class OfficeSecretCarrierCheck(models.Model):
    """A stock-taking of secret carriers against the register (涉密载体清查
    核对): every carrier the register holds in custody is looked for; a
    carrier missing, elsewhere or found unregistered is a difference, raised
    to the secrecy office.

    Rights: the secrecy office only (access rules)."""

    _name = "office.secret.carrier.check"
    _description = "Secret Carrier Stock-taking"
    _inherit = ["office.workflow.mixin", "mail.activity.mixin"]
    _workflow_transitions = {
        "done": {
            "from": ("draft",),
            "to": "done",
            "groups": ("office_secrecy.group_secrecy_office",),
        },
    }
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(required=True, default=lambda self: self.env._("Stock-taking"))
    date = fields.Date(required=True, default=fields.Date.context_today)
    department_id = fields.Many2one(
        "hr.department", help="Leave empty to take stock of the whole register."
    )
    checker_ids = fields.Many2many("res.users", string="Checked by")
    line_ids = fields.One2many(
        "office.secret.carrier.check.line", "check_id", string="Lines"
    )
    difference_count = fields.Integer(
        compute="_compute_difference_count", store=True, string="Differences"
    )
    state = fields.Selection(
        [("draft", "In progress"), ("done", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )

    @api.depends("line_ids.result")
    def _compute_difference_count(self):
        for check in self:
            check.difference_count = len(
                check.line_ids.filtered(
                    lambda line: line.result and line.result != "present"
                )
            )

    def write(self, vals):
        if any(check.state == "done" for check in self) and set(vals) - {
            "message_main_attachment_id",
            "activity_ids",
        }:
            raise UserError(self.env._("A closed stock-taking is never changed."))
        return super().write(vals)

    def action_load(self):
        """List the carriers the register holds."""
        for check in self:
            if check.state != "draft":
                raise UserError(self.env._("This stock-taking is closed."))
            domain = [
                ("state", "in", ("in_custody", "out", "repair")),
                ("company_id", "=", check.company_id.id),
            ]
            if check.department_id:
                domain.append(("department_id", "child_of", check.department_id.id))
            carriers = self.env["office.secret.carrier"].search(domain)
            carriers -= check.line_ids.carrier_id
            check.write(
                {
                    "line_ids": [
                        fields.Command.create(
                            {
                                "carrier_id": carrier.id,
                                "expected_location": carrier.location,
                                "expected_state": carrier.state,
                                "expected_custodian_id": carrier.custodian_id.id,
                            }
                        )
                        for carrier in carriers
                    ]
                }
            )
        return True

    def action_done(self):
        return self._workflow_run("done")

    def _check_can_done(self):
        for check in self:
            if not check.line_ids:
                raise UserError(self.env._("Load the register first."))
            unchecked = check.line_ids.filtered(lambda line: not line.result)
            if unchecked:
                raise UserError(
                    self.env._(
                        "%(count)s carriers are not checked yet.", count=len(unchecked)
                    )
                )

    def _do_done(self):
        self._workflow_set_state("done")
        for check in self:
            differences = check.line_ids.filtered(lambda line: line.result != "present")
            if differences:
                check._raise_differences(differences)
        return True

    def _raise_differences(self, differences):
        self.ensure_one()
        results = dict(differences._fields["result"]._description_selection(self.env))
        items = Markup("").join(
            Markup("<li>%s: %s%s</li>")
            % (
                line.carrier_id.display_name or line.unregistered_label,
                results[line.result],
                f" — {line.note}" if line.note else "",
            )
            for line in differences
        )
        self.message_post(
            body=Markup("%s<ul>%s</ul>")
            % (
                self.env._(
                    "Differences with the register: %(count)s", count=len(differences)
                ),
                items,
            ),
            subtype_xmlid="mail.mt_note",
        )
        self._office_schedule_missing(
            "office_secrecy.mail_act_office_carrier_difference",
            self.env.ref("office_secrecy.group_secrecy_office").sudo().users,
            summary=self.env._(
                "%(count)s differences with the register", count=len(differences)
            ),
        )
