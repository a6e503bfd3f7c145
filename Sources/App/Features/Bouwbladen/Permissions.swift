import Domain

extension Role {
    /// projectleider and coordinator edit every bouwblad; a partner only where they
    /// contribute (contributors arrive with the bouwblad settings); a lezer reads.
    func canEditBouwblad(isContributor: Bool = false) -> Bool {
        switch self {
        case .projectleider, .coordinator: return true
        case .partner: return isContributor
        case .lezer: return false
        }
    }
}
