from odoo import models


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(
        self, modules, langs, overwrite=False, imported_module=False
    ):
        """After the translations of a suite addon (or of a new language):
        inherited fields and selections take the labels of their siblings
        (see ir.model.fields and ir.model.fields.selection)."""
        result = super()._load_module_terms(
            modules, langs, overwrite=overwrite, imported_module=imported_module
        )
        if self._office_in_suite(modules):
            self.env["ir.model.fields"]._office_share_translations()
            self.env["ir.model.fields.selection"]._office_share_translations()
        return result

    def _office_in_suite(self, names):
        if "office_base" in names:
            return True
        loaded = self.search([("name", "in", list(names))])
        return "office_base" in loaded.upstream_dependencies(
            exclude_states=("uninstallable",)
        ).mapped("name")
