/// House style for titles (R1.2): twenty characters or fewer. Longer titles are accepted
/// with a warning, never rejected.
public enum TitleStyle {
    public static let recommendedMaximum = 20

    public static func isLong(_ title: String) -> Bool { title.count > recommendedMaximum }
}
