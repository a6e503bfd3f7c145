import Fluent

/// Every migration, in order. Append only: a migration that has run is never edited.
enum AppMigrations {
    static let all: [any Migration] = [
        M0001_CreateUsers(),
        M0002_CreateCoalitions(),
        M0003_CreateLocations(),
        M0004_CreatePartnerOrganisations(),
        M0005_CreateMemberships(),
        M0006_CreateMembershipLocations(),
        M0007_CreateInvitations(),
        M0008_CreateSessions(),
        M0009_CreateLoginFailures(),
        M0010_CreateFormat(),
        M0011_LoadFormat2024(),
        M0012_CreateBouwbladen(),
        M0013_CreateDoelenEnActies(),
        M0014_CreateLinks(),
        M0015_CreateContributors(),
        M0016_AddTrash(),
        M0017_CreateReports(),
        M0018_CreateActiviteitenboek(),
        M0019_CreateLoginDevices(),
        M0020_NormalizeEmails(),
        M0021_AddStepVersions(),
        M0022_LinksInOwnWords(),
        M0023_CoalitionGeneration(),
        M0024_CreateVragenlijsten(),
        M0025_QuestionnaireLocations(),
        M0026_CreateIndicatoren(),
        M0027_DoelIndicator(),
        M0028_CreateJaarplan(),
        M0029_CreateOverleg(),
        M0030_CreateAgreements(),
        M0031_OrganisationWijk(),
        M0032_CreateContacts(),
    ]
}
