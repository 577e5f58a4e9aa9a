using System.Globalization;
using System.Text;
using CitizenBot.Core.Dossiers;
using CitizenBot.Core.Messaging;
using CitizenBot.Core.Storage;
using CitizenBot.Tests.Support;
using LiteDB;

namespace CitizenBot.Tests.Storage;

/// <summary>
/// The data folder's files are encrypted at rest (Law 91/2025/QH15): whoever copies them without the identity key reads no
/// name, phone or petition text; an older unencrypted database is converted on its first open and keeps every record; the
/// wrong key is refused with one line naming the settings.
/// </summary>
public sealed class DatabaseAtRestTests : IDisposable
{
    private static readonly byte[] OtherKey = [.. Enumerable.Range(100, 32).Select(i => (byte)i)];
    private readonly TempDataDir _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Each text as written (UTF-8) and without its diacritics, phones also as typed with spaces.</summary>
    private static IEnumerable<string> Forms(params string[] texts) =>
        texts.SelectMany(t => new[] { t, WithoutDiacritics(t), t.Replace(" ", "", StringComparison.Ordinal) }).Distinct();

    private static string WithoutDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var kept = decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray();
        return new string(kept).Replace('đ', 'd').Replace('Đ', 'D');
    }

    /// <summary>Every needle found in any file of the folder (UTF-8, and UTF-16 for good measure), with the file's name.</summary>
    private static List<string> Readable(string folder, IEnumerable<string> needles)
    {
        var found = new List<string>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(path) == CitizenDatabase.LockFileName)
            {
                // Held exclusively by the running process; it stays empty.
                Assert.Equal(0, new FileInfo(path).Length);
                continue;
            }

            byte[] bytes;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            using (var copy = new MemoryStream())
            {
                stream.CopyTo(copy);
                bytes = copy.ToArray();
            }

            foreach (var needle in needles)
            {
                if (bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(needle)) >= 0 || bytes.AsSpan().IndexOf(Encoding.Unicode.GetBytes(needle)) >= 0)
                {
                    found.Add($"{Path.GetFileName(path)}: {needle}");
                }
            }
        }

        return found;
    }

    [Fact]
    public async Task Nobody_who_copies_the_data_folder_reads_a_name_a_phone_or_a_petition()
    {
        var bot = new BotHarness();
        var dataDir = bot.Get<CitizenDatabase>().DataDir;
        var citizen = new ChatAddress("web", "a0000000000000000000000000000001");
        var neighbour = new ChatAddress("web", "a0000000000000000000000000000002");
        try
        {
            ReceptionSteps.CodeIn(await bot.BookAsync(citizen));
            var import = bot.Get<DossierImporter>().ImportFile([.. "\uFEFF"u8, .. Encoding.UTF8.GetBytes(
                "Mã hồ sơ;Tên thủ tục;Lĩnh vực;Chủ hồ sơ;Số điện thoại;Hình thức nộp;Ngày tiếp nhận;Ngày hẹn trả;Trạng thái\n"
                + "HS-2411-0777;Đăng ký khai sinh;Hộ tịch;Lê Thị Cúc;0933555777;Trực tiếp;05/11/2026;10/11/2026;Đang xử lý\n")], "mot-cua.csv", "cli");
            Assert.Equal(1, import.Created);
            var petition = await bot.SubmitPetitionAsync(neighbour, "Kiến nghị");

            // The records are there, in clear to the bot.
            Assert.Equal("0933555777", bot.Get<DossierBook>().Get("HS-2411-0777")!.Phone);
            Assert.StartsWith("KN-", petition, StringComparison.Ordinal);
            var needles = Forms("Nguyễn Văn An", "0912 345 678", "Lê Thị Cúc", "0933555777", "Trần Văn Bình", "0987 111 222",
                "Hỏi về thủ tục tách thửa đất", "sụt lún", "liên thôn qua Thôn Một").ToList();

            // Running: the last writes are still in the log file.
            Assert.True(new FileInfo(Path.Combine(dataDir, CitizenDatabase.LogFileName)).Length > 8192, "The writes should still be in the log.");
            Assert.Empty(Readable(dataDir, needles));

            // Stopped: everything folded into the data file.
            bot.Get<CitizenDatabase>().Checkpoint();
            Assert.Empty(Readable(dataDir, needles));
            bot.Restart();
            Assert.Equal("0933555777", bot.Get<DossierBook>().Get("HS-2411-0777")!.Phone);
            Assert.Empty(Readable(dataDir, needles));
        }
        finally
        {
            bot.Dispose();
        }
    }

    /// <summary>An older deployment's database: a big collection with a secondary and a unique index, the last writes still in its log.</summary>
    private void WritePlainDatabase(int bookings)
    {
        var plainDir = Path.Combine(_dir.Path, "plain");
        Directory.CreateDirectory(plainDir);
        var plainFile = Path.Combine(plainDir, CitizenDatabase.FileName);
        using (var plain = new LiteDatabase(new ConnectionString { Filename = plainFile, Connection = ConnectionType.Direct }))
        {
            var col = plain.GetCollection("bookings");
            col.EnsureIndex("Phone", "$.Phone");
            col.EnsureIndex("Code", "$.Code", unique: true);
            col.Insert(Enumerable.Range(0, bookings).Select(i => new BsonDocument
            {
                ["_id"] = i + 1, ["Code"] = $"LH-{i:D6}", ["Name"] = i == 7 ? "Phạm Thị Đào" : $"Người {i}", ["Phone"] = $"09{i % 100:D8}",
            }));
            plain.GetCollection("petitions").Insert(new BsonDocument { ["Content"] = "Cống thoát nước ở xóm Đình bị tắc", ["ContactPhone"] = "0966444888" });
            plain.Pragma("USER_VERSION", 7);
            plain.Checkpoint();

            // The last writes, in the log only: copied as a kill -9 would leave them.
            plain.GetCollection("bookings").Insert(new BsonDocument { ["_id"] = bookings + 1, ["Code"] = "LH-LATE01", ["Name"] = "Vũ Văn Lâm", ["Phone"] = "0977000111" });
            File.Copy(plainFile, Path.Combine(_dir.Path, CitizenDatabase.FileName));
            File.Copy(Path.Combine(plainDir, CitizenDatabase.LogFileName), Path.Combine(_dir.Path, CitizenDatabase.LogFileName));
        }

        Directory.Delete(plainDir, recursive: true);
    }

    [Fact]
    public void An_older_unencrypted_database_is_converted_on_its_first_open_and_keeps_every_record()
    {
        const int bookings = 3000;
        WritePlainDatabase(bookings);
        var needles = Forms("Phạm Thị Đào", "Cống thoát nước ở xóm Đình", "0966444888", "Vũ Văn Lâm", "0977000111").ToList();
        var before = Readable(_dir.Path, needles);
        foreach (var clear in new[] { "Phạm Thị Đào", "Cống thoát nước ở xóm Đình", "0966444888", "Vũ Văn Lâm", "0977000111" })
        {
            Assert.Contains(before, f => f.EndsWith(": " + clear, StringComparison.Ordinal));
        }

        // A conversion cut short earlier left its new file behind.
        File.WriteAllBytes(Path.Combine(_dir.Path, DatabaseAtRest.ConvertingFileName), new byte[12_345]);

        using (var db = TestDatabase.Open(_dir.Path))
        {
            Assert.Equal(new AtRestConversion(2, bookings + 2), db.Converted);
            var col = db.Collection<BsonDocument>("bookings");
            Assert.Equal(bookings + 1, col.Count());
            Assert.Equal("Phạm Thị Đào", col.FindById(8)["Name"].AsString);
            Assert.Equal("Vũ Văn Lâm", col.FindOne(Query.EQ("Code", "LH-LATE01"))["Name"].AsString);
            Assert.Equal(30, col.Count(Query.EQ("Phone", "0900000007")));
            Assert.Equal("Cống thoát nước ở xóm Đình bị tắc", db.Collection<BsonDocument>("petitions").FindAll().Single()["Content"].AsString);
            var indexes = db.Collection<BsonDocument>("$indexes").FindAll().Where(i => i["collection"] == "bookings").ToList();
            Assert.Contains(indexes, i => i["name"] == "Phone" && !i["unique"].AsBoolean);
            Assert.Contains(indexes, i => i["name"] == "Code" && i["unique"].AsBoolean);
            Assert.ThrowsAny<LiteException>(() => db.Write(tx => tx.GetCollection("bookings").Insert(new BsonDocument { ["_id"] = 99_999, ["Code"] = "LH-000001" })));
            Assert.Equal(7, db.Write(tx => tx.UserVersion));
            db.Write(tx => tx.GetCollection("bookings").Insert(new BsonDocument { ["_id"] = 99_999, ["Code"] = "LH-NEW001", ["Name"] = "Đỗ Minh Khoa" }));
        }

        Assert.Empty(Readable(_dir.Path, needles.Concat(Forms("Đỗ Minh Khoa"))));
        Assert.False(File.Exists(Path.Combine(_dir.Path, DatabaseAtRest.ConvertingFileName)));
        using var reopened = TestDatabase.Open(_dir.Path);
        Assert.Null(reopened.Converted);
        Assert.Equal(bookings + 2, reopened.Collection<BsonDocument>("bookings").Count());
    }

    [Fact]
    public void The_wrong_identity_key_is_refused_with_one_line_naming_the_settings_and_the_data_is_untouched()
    {
        using (var db = TestDatabase.Open(_dir.Path))
        {
            db.Write(tx => tx.GetCollection("notes").Insert(new BsonDocument { ["Text"] = "giữ nguyên" }));
        }

        var ex = Assert.Throws<DataFolderException>(() => CitizenDatabase.Open(_dir.Path, () => OtherKey));

        Assert.Contains("encrypted under another identity key", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Petitions:IdentityKey, CITIZENBOT_IDENTITY_KEY or Petitions:IdentityKeyFile", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.False(CitizenDatabase.IsInUse(_dir.Path), "A refused open must release the data folder.");
        using var right = TestDatabase.Open(_dir.Path);
        Assert.Equal("giữ nguyên", right.Collection<BsonDocument>("notes").FindAll().Single()["Text"].AsString);
    }

    [Fact]
    public void The_file_key_is_a_sub_key_of_the_identity_key_not_the_key_itself()
    {
        var password = DatabaseAtRest.Password(BotHarness.IdentityKey);

        Assert.Equal(32, Convert.FromBase64String(password).Length);
        Assert.NotEqual(Convert.ToBase64String(BotHarness.IdentityKey), password);
        Assert.NotEqual(password, DatabaseAtRest.Password(OtherKey));
        Assert.Equal(password, DatabaseAtRest.Password([.. BotHarness.IdentityKey]));
    }
}
