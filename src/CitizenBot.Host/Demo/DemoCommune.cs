using CitizenBot.Core.Commune;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Guide;

namespace CitizenBot.Host.Demo;

/// <summary>
/// A small demo commune for a first run on an empty data folder, so every flow can be tried at once:
/// dossiers HS-DEMO-0001 to HS-DEMO-0036 in every status, some due soon, some overdue.
/// Each applicant's phone ends in 50 followed by the dossier's two last digits (HS-DEMO-0001: 5001).
/// </summary>
public static class DemoCommune
{
    private static readonly (string Procedure, string Field)[] Procedures =
    [
        ("Đăng ký khai sinh", "Hộ tịch"),
        ("Đăng ký kết hôn", "Hộ tịch"),
        ("Đăng ký khai tử", "Hộ tịch"),
        ("Chứng thực bản sao từ bản chính", "Chứng thực"),
        ("Trợ cấp xã hội hằng tháng", "Bảo trợ xã hội"),
        ("Xác nhận nguồn gốc đất", "Đất đai"),
    ];

    private static readonly string[] Names = ["Nguyễn Văn An", "Lê Thị Bình", "Trần Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em", "Vũ Thị Hoa"];

    public static int SeedIfEmpty(DossierBook store, CommuneClock clock)
    {
        if (store.Count() > 0)
        {
            return 0;
        }

        var today = clock.Today.ToDateTime(TimeOnly.MinValue);
        var statuses = new[] { DossierStatus.InProgress, DossierStatus.InProgress, DossierStatus.Received, DossierStatus.AwaitingSupplement, DossierStatus.Resolved, DossierStatus.Resolved };
        var channels = new[] { DossierChannel.Direct, DossierChannel.OnlinePartial, DossierChannel.OnlineFull, DossierChannel.OnlinePartial, DossierChannel.Postal, DossierChannel.OnlineFull };
        var dossiers = new List<Dossier>();
        for (var n = 1; n <= 36; n++)
        {
            var (procedure, field) = Procedures[n % Procedures.Length];
            var status = statuses[n % statuses.Length];
            var received = today.AddDays(-(n % 12) - 3);

            // Every fifth open dossier is overdue, so the apology can be seen.
            var due = status != DossierStatus.Resolved && n % 5 == 2 ? today.AddDays(-2) : received.AddDays(7 + (n % 5));
            var code = $"HS-DEMO-{n:0000}";
            var key = DossierCode.Key(code);
            dossiers.Add(new Dossier
            {
                Code = code,
                LookupKey = key,
                NumberKey = DossierCode.NumberKey(key),
                Procedure = procedure,
                Field = field,
                Applicant = Names[n % Names.Length],
                Phone = $"091234{50 + (n / 100):00}{n % 100:00}",
                Channel = channels[n % channels.Length],
                ReceivedAt = clock.FromLocal(received.AddHours(8)),
                DueAt = clock.FromLocal(due),
                Status = status,
                ResolvedAt = status == DossierStatus.Resolved ? clock.FromLocal(received.AddDays(5)) : null,
            });
        }

        store.Upsert(dossiers, clock.UtcNow);
        return dossiers.Count;
    }

    /// <summary>The officer recorded as confirming the demo guide (the entries' content is cited from <see cref="GuideEntry.SourceUrl"/>).</summary>
    public const string GuideConfirmedBy = CitizenBot.Core.Roles.OfficerAccounts.DemoActor;

    private const string Desk = "Bộ phận Một cửa (tiếp nhận và trả kết quả) UBND xã";
    private const string NationalPortal = "https://dichvucong.gov.vn";

    /// <summary>
    /// A few procedures citizens ask about most, confirmed, so the guide can be tried at once. Every fee, time and
    /// legal basis below is taken from the public page in its SourceUrl; what could not be verified there is left
    /// empty, and the bot says to ask the one-stop desk for it. Officers review them before real use.
    /// </summary>
    public static IReadOnlyList<GuideEntry> GuideEntries() =>
    [
        new()
        {
            Name = "Đăng ký khai sinh",
            Field = "Hộ tịch",
            Aliases = ["giấy khai sinh", "làm giấy khai sinh", "khai sinh cho con", "khai sinh cho cháu", "khai sinh cho trẻ", "giấy khai sanh", "khai sanh", "làm khai sinh", "con mới sinh", "em bé mới sinh"],
            Papers = "Tờ khai đăng ký khai sinh theo mẫu; bản chính Giấy chứng sinh (không có thì văn bản của người làm chứng xác nhận việc sinh, hoặc giấy cam đoan về việc sinh); giấy tờ tùy thân còn giá trị của người đi đăng ký (thẻ căn cước, hộ chiếu...).",
            Fee = "Miễn lệ phí khi đăng ký đúng hạn, và cho người thuộc gia đình có công với cách mạng, hộ nghèo, người khuyết tật; đăng ký không đúng hạn: theo mức thu do Hội đồng nhân dân tỉnh quy định.",
            ProcessingTime = "",
            Place = Desk,
            OnlineLink = NationalPortal,
            LegalBasis = "Luật Hộ tịch năm 2014 (Điều 11: miễn lệ phí; Điều 15: cha, mẹ đi đăng ký khai sinh cho con trong 60 ngày kể từ ngày sinh); Nghị định 123/2015/NĐ-CP.",
            SourceUrl = "http://molao.hadong.hanoi.gov.vn/print-multi.php?in-thutuc=20855",
        },
        new()
        {
            Name = "Đăng ký kết hôn",
            Field = "Hộ tịch",
            Aliases = ["giấy đăng ký kết hôn", "giấy kết hôn", "làm giấy kết hôn", "đăng ký cưới", "giấy hôn thú", "hôn thú", "chứng nhận kết hôn", "lấy vợ", "lấy chồng", "cưới vợ"],
            Papers = "Tờ khai đăng ký kết hôn theo mẫu; giấy tờ tùy thân của hai bên. Khi đăng ký, cả hai bên nam, nữ phải có mặt tại UBND xã.",
            Fee = "Miễn lệ phí đăng ký kết hôn của công dân Việt Nam cư trú ở trong nước.",
            ProcessingTime = "Ngay khi nhận đủ hồ sơ hợp lệ; trường hợp cần xác minh điều kiện kết hôn thì không quá 05 ngày làm việc.",
            Place = Desk + " nơi cư trú của một trong hai bên",
            OnlineLink = NationalPortal,
            LegalBasis = "Luật Hộ tịch năm 2014 (Điều 11: miễn lệ phí; Điều 17: thẩm quyền; Điều 18: thủ tục đăng ký kết hôn).",
            SourceUrl = "http://linhchieu.tpthuduc.hochiminhcity.gov.vn/cac-thu-tuc-hanh-chinh/dang-ky-ket-hon/ct/5206/3021",
        },
        new()
        {
            Name = "Đăng ký khai tử",
            Field = "Hộ tịch",
            Aliases = ["giấy chứng tử", "làm giấy chứng tử", "khai tử", "báo tử", "giấy báo tử", "trích lục khai tử", "người nhà mất", "bố mất", "mẹ mất", "qua đời", "người thân qua đời"],
            Papers = "Tờ khai đăng ký khai tử theo mẫu; Giấy báo tử hoặc giấy tờ thay Giấy báo tử (do bệnh viện, cơ sở y tế hoặc cơ quan có thẩm quyền cấp); giấy tờ tùy thân của người đi khai tử.",
            Fee = "Miễn lệ phí khi đăng ký đúng hạn (trong 15 ngày kể từ ngày có người chết); đăng ký quá hạn thì nộp lệ phí theo quy định.",
            ProcessingTime = "Ngay sau khi nhận đủ giấy tờ, nếu việc khai tử đúng thì công chức tư pháp - hộ tịch ghi vào Sổ hộ tịch và cấp trích lục khai tử. Người thân đi khai tử trong 15 ngày kể từ ngày có người chết.",
            Place = Desk + " nơi cư trú cuối cùng của người chết",
            OnlineLink = NationalPortal,
            LegalBasis = "Luật Hộ tịch năm 2014 (Điều 11, Điều 33); Nghị định 123/2015/NĐ-CP.",
            SourceUrl = "http://linhtay.tpthuduc.hochiminhcity.gov.vn/thu-tuc-hanh-chinh/thu-tuc-dang-ky-khai-tu/ct/6073/10454",
        },
        new()
        {
            Name = "Chứng thực bản sao từ bản chính",
            Field = "Chứng thực",
            Aliases = ["sao y", "sao y bản chính", "chứng thực bản sao", "công chứng giấy tờ", "công chứng bản sao", "photo công chứng", "chứng thực giấy tờ", "công chứng căn cước", "công chứng sổ đỏ", "công chứng bằng"],
            Papers = "Bản chính giấy tờ, văn bản làm cơ sở để chứng thực và bản sao cần chứng thực (chỉ mang bản chính thì cơ quan chụp từ bản chính, trừ khi không có phương tiện chụp). Bản sao phải có đủ các trang có thông tin của bản chính.",
            Fee = "2.000 đồng/trang; từ trang thứ ba trở lên 1.000 đồng/trang, tối đa 200.000 đồng/bản (tính theo số trang của bản chính).",
            ProcessingTime = "",
            Place = Desk,
            OnlineLink = "",
            LegalBasis = "Nghị định 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính; Thông tư 226/2016/TT-BTC (phí chứng thực).",
            SourceUrl = "https://congchung2tphcm.com.vn/chung-thuc-ban-sao-2/",
        },
        new()
        {
            Name = "Cấp giấy xác nhận tình trạng hôn nhân",
            Field = "Hộ tịch",
            Aliases = ["xác nhận tình trạng hôn nhân", "giấy xác nhận độc thân", "xác nhận độc thân", "giấy độc thân", "chứng nhận độc thân", "tình trạng hôn nhân", "xác nhận chưa kết hôn"],
            Papers = "Tờ khai cấp Giấy xác nhận tình trạng hôn nhân theo mẫu; người đã từng kết hôn mà đã ly hôn hoặc vợ/chồng đã chết thì mang giấy tờ chứng minh (bản án, quyết định ly hôn đã có hiệu lực, hoặc trích lục khai tử).",
            Fee = "",
            ProcessingTime = "Ngay sau khi nhận đủ hồ sơ hợp lệ, nếu đủ điều kiện; người từng thường trú nhiều nơi có thể phải chờ xác minh (xã được hỏi trả lời trong 03 ngày làm việc).",
            Place = Desk,
            OnlineLink = NationalPortal,
            LegalBasis = "Luật Hộ tịch năm 2014; Nghị định 123/2015/NĐ-CP (Điều 21 - 23: cấp Giấy xác nhận tình trạng hôn nhân).",
            SourceUrl = "https://phuly.hanam.gov.vn/Pages/Cap-giay-xac-nhan-tinh-trang-hon-nhan1692975955.aspx",
        },
        new()
        {
            Name = "Trợ cấp xã hội hằng tháng",
            Field = "Bảo trợ xã hội",
            Aliases = ["trợ cấp xã hội", "trợ cấp", "tiền trợ cấp", "trợ cấp người cao tuổi", "trợ cấp người già", "tiền già", "trợ cấp người khuyết tật", "bảo trợ xã hội", "trợ cấp tàn tật", "trợ cấp mẹ đơn thân"],
            Papers = "Tờ khai đề nghị trợ cấp theo mẫu. Khi nộp, xuất trình để đối chiếu: giấy tờ tùy thân; giấy khai sinh của trẻ em (xét trợ cấp cho trẻ em, người đơn thân nghèo đang nuôi con); giấy xác nhận khuyết tật (người khuyết tật); giấy tờ của cơ quan y tế khi bị nhiễm HIV hoặc đang mang thai.",
            Fee = "",
            ProcessingTime = "",
            Place = "Gửi Chủ tịch UBND xã nơi cư trú, qua " + Desk,
            OnlineLink = "",
            LegalBasis = "Nghị định 20/2021/NĐ-CP về chính sách trợ giúp xã hội đối với đối tượng bảo trợ xã hội (Điều 7, Điều 8).",
            SourceUrl = "https://thuvienphapluat.vn/van-ban/Van-hoa-Xa-hoi/Nghi-dinh-20-2021-ND-CP-chinh-sach-tro-giup-xa-hoi-doi-voi-doi-tuong-bao-tro-xa-hoi-467723.aspx",
        },
    ];

    /// <summary>Adds the demo guide, confirmed, when the guide is empty; returns how many entries were added.</summary>
    public static int SeedGuideIfEmpty(GuideBook book)
    {
        if (book.Count() > 0)
        {
            return 0;
        }

        var entries = GuideEntries();
        book.Upsert([.. entries.Select(e => (e, true))], GuideConfirmedBy);
        return entries.Count;
    }
}
