from odoo import fields, models
from odoo.exceptions import UserError


class HrEmployee(models.Model):
    _inherit = "hr.employee"

    # not on the public employee profile: HR and the asset office only
    office_asset_ids = fields.One2many(
        "office.asset",
        "holder_id",
        string="Assets used",
        groups="hr.group_hr_user,office_asset.group_asset_manager",
    )
    office_asset_count = fields.Integer(
        compute="_compute_office_asset_count",
        groups="hr.group_hr_user,office_asset.group_asset_manager",
    )

    def _compute_office_asset_count(self):
        counts = dict(
            self.env["office.asset"]
            .sudo()
            ._read_group(
                [("holder_id", "in", self.ids), ("state", "in", ("in_use", "missing"))],
                ["holder_id"],
                ["__count"],
            )
        )
        for employee in self:
            employee.office_asset_count = counts.get(employee, 0)

    def _office_handover_counts(self):
        """The hook of the hand-over checklist: {source: number still held}.
        Addons add sources as ``office.handover.source`` data; an addon whose
        items do not fit a domain extends this method."""
        self.ensure_one()
        sources = self.env["office.handover.source"].search([])
        # the employee's login, read past the private fields other apps add
        # to hr.employee (office_fleet's driving licence)
        user = self.sudo().user_id
        if not user:
            return dict.fromkeys(sources.filtered("model_available"), 0)
        return sources._count_held(user)

    def _office_check_handed_over(self):
        for employee in self:
            held = {s: n for s, n in employee._office_handover_counts().items() if n}
            if held:
                raise UserError(
                    self.env._(
                        "%(person)s still holds %(items)s: hand them over first.",
                        person=employee.name,
                        items="、".join(f"{s.name} × {n}" for s, n in held.items()),
                    )
                )

    def action_office_assets(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "office_asset.office_asset_action"
        )
        action["domain"] = [("holder_id", "=", self.id)]
        return action
