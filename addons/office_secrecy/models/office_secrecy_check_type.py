from odoo import api, fields, models

CHECK_SUBJECTS = [
    ("equipment", "Secrecy equipment"),
    ("computer", "Secret computer"),
    ("department", "Inspected unit"),
]


class OfficeSecrecyCheckType(models.Model):
    """What a secrecy inspection checks, with the rule it comes from: on
    every piece of secrecy equipment (safes, 三铁一器), on every secret
    computer (003 第四十八条) or once per inspected unit (the bans of 004
    一(七) and 003 第四十八条(二)3 on crossing secret and non-secret
    machines and media)."""

    _name = "office.secrecy.check.type"
    _description = "Secrecy Check Type"
    _order = "subject, sequence, id"

    name = fields.Char(string="What is checked", required=True)
    code = fields.Char(required=True)
    citation = fields.Char(help="Where the rule is written, e.g. 004 一(七)4.")
    subject = fields.Selection(CHECK_SUBJECTS, required=True, default="department")
    equipment_kinds = fields.Char(
        string="Equipment kind keys",
        help="For equipment: the kinds checked, comma-separated (safe, "
        "iron_door, iron_window, iron_cabinet, alarm); empty: every kind.",
    )
    equipment_kinds_label = fields.Char(
        string="Equipment kinds", compute="_compute_equipment_kinds_label"
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    company_id = fields.Many2one(
        "res.company", index=True, help="Empty: shared by every agency."
    )

    @api.depends("equipment_kinds")
    def _compute_equipment_kinds_label(self):
        labels = dict(
            self.env["office.secrecy.equipment"]
            ._fields["kind"]
            ._description_selection(self.env)
        )
        for check_type in self:
            check_type.equipment_kinds_label = "、".join(
                labels.get(kind, kind) for kind in check_type._equipment_kind_keys()
            )

    def _equipment_kind_keys(self):
        self.ensure_one()
        return [k.strip() for k in (self.equipment_kinds or "").split(",") if k.strip()]

    def _applies_to_equipment(self, equipment):
        self.ensure_one()
        kinds = self._equipment_kind_keys()
        return not kinds or equipment.kind in kinds
