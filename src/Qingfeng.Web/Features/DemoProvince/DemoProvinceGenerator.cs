using Qingfeng.Features.Audit;
using Qingfeng.Features.Organs;
using Qingfeng.Features.Roster;
using Qingfeng.Platform.Text;

namespace Qingfeng.Features.DemoProvince;

public enum DemoScale
{
    /// <summary>Ten county-level regions, three townships each, three villages per township (≈ 900 officials).</summary>
    Demo,

    /// <summary>All 88 county-level regions, twelve townships each, ten villages per township (≈ 25,000 officials).</summary>
    Province,
}

public sealed record DemoStats(int Regions, int Units, int Officials, int Organs)
{
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Regions} regions, {Units} units, {Officials} officials, {Organs} organs");
}

/// <summary>
/// Deterministic generator of the synthetic demo province: Guizhou's real regions with synthetic
/// townships, villages, units, officials (invented names), tenures, families, commissions and the
/// delegations of domain.md A15. The same scale always yields the same data.
/// </summary>
public static class DemoProvinceGenerator
{
    public const int Seed = 20_261_128;

    public static async Task<DemoStats> GenerateAsync(QingfengDatabase database, DemoScale scale, TimeProvider time, CancellationToken cancellationToken = default)
    {
        await using var db = database.Create(new DbActor(time, () => Platform.Security.UserContext.System));
        if (await db.Regions.AnyAsync(cancellationToken))
        {
            return new DemoStats(await db.Regions.CountAsync(cancellationToken), await db.Units.CountAsync(cancellationToken), await db.Officials.CountAsync(cancellationToken), await db.Organs.CountAsync(cancellationToken));
        }

        var today = ChinaTime.DateOf(time.GetUtcNow());
        var builder = new Builder(db, new Random(Seed), today, scale);
        builder.Build();
        var stats = new DemoStats(builder.Regions, builder.Units, builder.Officials, builder.Organs);
        db.BulkAuditSummary = new AuditEntry("Seed", "DemoProvince", scale.ToString(), stats.ToString());
        await db.SaveChangesAsync(cancellationToken);
        return stats;
    }

    private sealed class Builder(QingfengDb db, Random random, DateOnly today, DemoScale scale)
    {
        private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);

        public int Regions { get; private set; }

        public int Units { get; private set; }

        public int Officials { get; private set; }

        public int Organs { get; private set; }

        private int Townships => scale == DemoScale.Demo ? 3 : 12;

        private int Villages => scale == DemoScale.Demo ? 3 : 10;

        public void Build()
        {
            var province = AddRegion(GuizhouGazetteer.ProvinceCode, GuizhouGazetteer.ProvinceName, RegionLevel.Province, null);
            var provincialCommission = AddOrgan("贵州省纪委监委", OrganKind.Commission, province, null);
            provincialCommission.GrantRegion(province.TreeKey);
            BuildProvincialUnits(province, provincialCommission);

            foreach (var (code, name, shortName, counties) in GuizhouGazetteer.Prefectures)
            {
                var chosen = counties.Where(c => scale == DemoScale.Province || GuizhouGazetteer.DemoCounties.Contains(c.Code)).ToList();
                if (chosen.Count == 0)
                {
                    continue;
                }

                var prefecture = AddRegion(code, name, RegionLevel.Prefecture, province);
                var commission = AddOrgan(shortName.EndsWith('州') ? shortName + "纪委监委" : name + "纪委监委", OrganKind.Commission, prefecture, provincialCommission);
                commission.GrantRegion(prefecture.TreeKey);
                BuildPrefectureUnits(prefecture, shortName);
                foreach (var (countyCode, countyName) in chosen)
                {
                    BuildCounty(AddRegion(countyCode, countyName, RegionLevel.County, prefecture), commission);
                }
            }
        }

        private void BuildProvincialUnits(Region province, Organ provincialCommission)
        {
            foreach (var (name, sector) in GuizhouGazetteer.ProvincialDepartments)
            {
                var unit = AddUnit(name, UnitKind.Department, ManagingLevel.Provincial, sector, province);
                var head = name.EndsWith('局') ? "局长" : name.EndsWith("委员会", StringComparison.Ordinal) ? "主任" : "厅长";
                Staff(unit, "党组书记、" + head, LeaderCategory.ProvincialDepartment, OfficialRank.DepartmentBureau, ("副" + head, 2));
                if (sector == "卫生健康")
                {
                    var team = AddOrgan("省纪委监委驻省卫生健康委纪检监察组", OrganKind.StationedTeam, province, provincialCommission);
                    team.GrantUnit(unit.Id);
                }
            }

            foreach (var (name, financial, sector) in GuizhouGazetteer.ProvincialEnterprises)
            {
                var unit = AddUnit(name, financial ? UnitKind.FinancialInstitution : UnitKind.StateOwnedEnterprise, ManagingLevel.Provincial, sector, province);
                Staff(unit, "党委书记、董事长", LeaderCategory.ProvincialSoeOrFinance, OfficialRank.DepartmentBureau, ("副总经理", 2));
            }
        }

        private void BuildPrefectureUnits(Region prefecture, string shortName)
        {
            var party = AddUnit($"中共{prefecture.Name}委员会", UnitKind.PartyCommittee, ManagingLevel.Provincial, "党委", prefecture);
            Staff(party, "市委书记", LeaderCategory.CityCountyPartyGovernment, OfficialRank.DepartmentBureau, ("市委副书记", 2));
            var government = AddUnit($"{prefecture.Name}人民政府", UnitKind.Government, ManagingLevel.Provincial, "政府", prefecture);
            Staff(government, shortName.EndsWith('州') ? "州长" : "市长", LeaderCategory.CityCountyPartyGovernment, OfficialRank.DepartmentBureau, ("副市长", 2));
            foreach (var (department, sector) in GuizhouGazetteer.CountyDepartments.Take(3))
            {
                var unit = AddUnit(prefecture.Name + department, UnitKind.Department, ManagingLevel.Prefectural, sector, prefecture);
                Staff(unit, "局长", LeaderCategory.CityCountyDepartment, OfficialRank.CountyDivision, ("副局长", 2));
            }

            if (prefecture.Code == "520200")
            {
                var zone = AddUnit("六盘水高新技术产业开发区管理委员会", UnitKind.DevelopmentZone, ManagingLevel.Prefectural, "开发区", prefecture);
                Staff(zone, "党工委书记", LeaderCategory.DevelopmentZone, OfficialRank.CountyDivision, ("管委会副主任", 2));
            }
        }

        private void BuildCounty(Region county, Organ prefectureCommission)
        {
            var commission = AddOrgan(county.Name + "纪委监委", OrganKind.Commission, county, prefectureCommission);
            commission.GrantRegion(county.TreeKey);
            var isCity = county.Name.EndsWith('市');
            var isDistrict = county.Name.EndsWith('区');
            var (partyTitle, govTitle) = isCity ? ("市委书记", "市长") : isDistrict ? ("区委书记", "区长") : ("县委书记", "县长");
            var prefix = partyTitle[..1];
            var party = AddUnit($"中共{county.Name}委员会", UnitKind.PartyCommittee, ManagingLevel.Prefectural, "党委", county);
            Staff(party, partyTitle, LeaderCategory.CityCountyPartyGovernment, OfficialRank.CountyDivision, (prefix + "委副书记", 2));
            var government = AddUnit($"{county.Name}人民政府", UnitKind.Government, ManagingLevel.Prefectural, "政府", county);
            Staff(government, govTitle, LeaderCategory.CityCountyPartyGovernment, OfficialRank.CountyDivision, ("副" + govTitle, 2));
            foreach (var (department, sector) in GuizhouGazetteer.CountyDepartments)
            {
                var unit = AddUnit(county.Name + department, UnitKind.Department, ManagingLevel.County, sector, county, government);
                Staff(unit, "局长", LeaderCategory.CityCountyDepartment, OfficialRank.TownshipSection, ("副局长", 2));
            }

            var hospital = AddUnit(county.Name + "人民医院", UnitKind.Hospital, ManagingLevel.County, "卫生健康", county);
            Staff(hospital, "党委书记、院长", LeaderCategory.GrassRootsInstitution, OfficialRank.TownshipSection, ("副院长", 1));
            var school = AddUnit(county.Name + "第一中学", UnitKind.School, ManagingLevel.County, "教育", county);
            Staff(school, "党总支书记、校长", LeaderCategory.GrassRootsInstitution, OfficialRank.TownshipSection, ("副校长", 1));

            if (county.Code == "520121")
            {
                var inspection = AddOrgan("中共开阳县委巡察工作领导小组办公室", OrganKind.InspectionOffice, county, null);
                inspection.GrantRegion(county.TreeKey);

                // The stationed team that reviews 述责述廉 reports at the first level (demo simplification: the whole county).
                var stationed = AddOrgan("开阳县纪委监委派驻第一纪检监察组", OrganKind.StationedTeam, county, commission);
                stationed.GrantRegion(county.TreeKey);
            }

            var townshipCommissions = new List<(Organ Organ, List<Unit> Villages)>();
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var t = 0; t < Townships; t++)
            {
                var townshipName = UniquePlace(names) + "镇";
                var township = AddRegion(county.Code + (100 + t).ToString(CultureInfo.InvariantCulture), townshipName, RegionLevel.Township, county);
                var fullName = county.Name + townshipName;
                var townshipUnit = AddUnit(fullName, UnitKind.Township, ManagingLevel.County, "乡镇", township);
                Staff(townshipUnit, "党委书记", LeaderCategory.TownshipOrVillage, OfficialRank.TownshipSection, ("党委副书记", 1));
                Staff(townshipUnit, "镇长", LeaderCategory.TownshipOrVillage, OfficialRank.TownshipSection, ("副镇长", 1), previousTenure: false);
                var clinic = AddUnit(townshipName + "卫生院", UnitKind.Hospital, ManagingLevel.Township, "卫生健康", township);
                Staff(clinic, "院长", LeaderCategory.GrassRootsInstitution, OfficialRank.Other, ("副院长", 0), previousTenure: false);

                var townshipCommission = AddOrgan(fullName + "纪委", OrganKind.TownshipCommission, township, commission);
                townshipCommission.GrantRegion(township.TreeKey);
                var villages = new List<Unit>();
                var villageNames = new HashSet<string>(StringComparer.Ordinal);
                for (var v = 0; v < Villages; v++)
                {
                    var villageName = UniquePlace(villageNames) + "村";
                    var village = AddRegion(township.Code + (200 + v).ToString(CultureInfo.InvariantCulture), villageName, RegionLevel.Village, township);
                    var villageUnit = AddUnit(townshipName + villageName + "村民委员会", UnitKind.VillageOrCommunity, ManagingLevel.Township, "村（社区）", village);
                    villages.Add(villageUnit);
                    var secretary = Staff(villageUnit, "村党支部书记", LeaderCategory.TownshipOrVillage, OfficialRank.Other, ("村委会副主任", 0), previousTenure: false);
                    var director = Post(villageUnit, "村委会主任", false, null, OfficialRank.Other);
                    var holder = random.Next(2) == 0 ? secretary : NewOfficial();
                    holder.BeginTenure(director, secretary.Tenures[0].Start);
                }

                townshipCommissions.Add((townshipCommission, villages));
            }

            if (county.Code == "520121" && townshipCommissions.Count >= 3)
            {
                AddDelegations(commission, townshipCommissions);
            }
        }

        /// <summary>A15: one village escalated to the county commission, one assigned to an area collaboration group.</summary>
        private void AddDelegations(Organ county, List<(Organ Organ, List<Unit> Villages)> townships)
        {
            var from = today.AddMonths(-3);
            db.SupervisionDelegations.Add(SupervisionDelegation.Escalate(townships[0].Villages[0].Id, townships[0].Organ, county, from, null, "村级一把手提级监督"));
            var group = new CollaborationGroup("开阳县第一片区协作组", townships.Take(3).Select(t => t.Organ));
            db.CollaborationGroups.Add(group);
            db.SupervisionDelegations.Add(SupervisionDelegation.ToGroup(townships[1].Villages[0].Id, townships[1].Organ, group, from, null, "片区协作交叉监督"));
        }

        private string UniquePlace(HashSet<string> used)
        {
            for (var attempt = 0; ; attempt++)
            {
                var name = GuizhouGazetteer.PlaceFirst[random.Next(GuizhouGazetteer.PlaceFirst.Length)]
                    + GuizhouGazetteer.PlaceSecond[random.Next(GuizhouGazetteer.PlaceSecond.Length)];
                if (used.Add(name) || attempt > 50)
                {
                    return name;
                }
            }
        }

        /// <summary>Fills a unit's principal post and its deputies; the principal gets family and an earlier deputy tenure.</summary>
        private Official Staff(Unit unit, string principalTitle, LeaderCategory? category, OfficialRank rank, (string Title, int Count) deputies, bool previousTenure = true)
        {
            var principalPost = Post(unit, principalTitle, true, category, rank);
            var principal = NewOfficial();
            var start = today.AddDays(-random.Next(200, 2200));
            if (previousTenure && deputies.Count > 0)
            {
                var earlier = Post(unit, deputies.Title, false, null, rank);
                var tenure = principal.BeginTenure(earlier, start.AddDays(-random.Next(700, 1800)));
                principal.EndTenure(tenure.Id, start.AddDays(-1));
            }

            principal.BeginTenure(principalPost, start);
            AddFamily(principal);
            if (deputies.Count > 0)
            {
                var deputyPost = Post(unit, deputies.Title, false, null, rank);
                for (var i = 0; i < deputies.Count; i++)
                {
                    NewOfficial().BeginTenure(deputyPost, today.AddDays(-random.Next(100, 2500)));
                }
            }

            return principal;
        }

        private void AddFamily(Official official)
        {
            var spouseGender = official.Gender == Gender.Male ? Gender.Female : Gender.Male;
            string[] employers = ["某区人民医院", "某中学", "自由职业", "某建设工程有限公司", "某商贸有限公司", "某街道办事处"];
            official.AddFamilyMember(FamilyRelation.Spouse, SyntheticName(spouseGender), employers[random.Next(employers.Length)], null);
            var childSurname = official.Gender == Gender.Male ? official.Name[..1] : null;
            official.AddFamilyMember(FamilyRelation.Child, SyntheticName(random.Next(2) == 0 ? Gender.Male : Gender.Female, childSurname), random.Next(3) == 0 ? "在读" : "某科技有限公司", null);
        }

        private Official NewOfficial()
        {
            var gender = random.Next(100) < 72 ? Gender.Male : Gender.Female;
            var name = SyntheticName(gender);
            var birth = new DateOnly(1964 + random.Next(28), 1 + random.Next(12), 1 + random.Next(28));
            var official = new Official(name, ChinesePinyin.ToPinyin(name), ChinesePinyin.ToInitials(name), gender, birth);
            db.Officials.Add(official);
            Officials++;
            return official;
        }

        private string SyntheticName(Gender gender, string? surname = null)
        {
            var pool = gender == Gender.Male ? GuizhouGazetteer.GivenMale : GuizhouGazetteer.GivenFemale;
            for (var attempt = 0; ; attempt++)
            {
                var name = (surname ?? GuizhouGazetteer.Surnames[random.Next(GuizhouGazetteer.Surnames.Length)])
                    + pool[random.Next(pool.Length)]
                    + (random.Next(4) == 0 ? "" : pool[random.Next(pool.Length)]);
                if (_usedNames.Add(name) || attempt > 20)
                {
                    return name;
                }
            }
        }

        private Region AddRegion(string code, string name, RegionLevel level, Region? parent)
        {
            var region = new Region(code, name, level, parent?.Code);
            db.Regions.Add(region);
            Regions++;
            return region;
        }

        private Unit AddUnit(string name, UnitKind kind, ManagingLevel level, string sector, Region region, Unit? parent = null)
        {
            var unit = new Unit(name, kind, level, sector, region, parent);
            db.Units.Add(unit);
            Units++;
            return unit;
        }

        private static Post Post(Unit unit, string title, bool principal, LeaderCategory? category, OfficialRank rank)
        {
            var existing = unit.Posts.FirstOrDefault(p => p.Title == title);
            if (existing is not null)
            {
                return existing;
            }

            var post = new Post(unit, title, principal, category, rank);
            unit.Posts.Add(post);
            return post;
        }

        private Organ AddOrgan(string name, OrganKind kind, Region region, Organ? parent)
        {
            var organ = new Organ(name, kind, region.Code, parent);
            db.Organs.Add(organ);
            Organs++;
            return organ;
        }
    }
}
