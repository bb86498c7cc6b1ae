extension TicketViews {
    /// The reports' group picker: the whole desk, then every group in id order.
    func reportGroupOptions(selected: Int64?) -> [SelectOption] {
        [SelectOption(value: "", label: t("ui.reports.all_groups", [:]), selected: selected == nil)]
            + groups.values.sorted { $0.id < $1.id }.map {
                SelectOption(value: String($0.id), label: groupName($0.id), selected: $0.id == selected)
            }
    }
}
