using WlzMessaging.Vektis.Tests.Support;
using K = WlzMessaging.Vektis.Aw319Layout.Commentaar;

namespace WlzMessaging.Vektis.Tests.Reader;

/// <summary>Record order and nesting: 01 · (02 [98…] (04 [98…])+)+ · 99, and the record types a zorgkantoor takes.</summary>
public sealed class ReaderOrderTests
{
    private static readonly DateOnly s_jan1 = new(2025, 1, 1);
    private static readonly DateOnly s_jan31 = new(2025, 1, 31);

    [Fact]
    public async Task A_record_type_that_does_not_exist_rejects_the_file_with_0002_and_8026()
    {
        var file = Aw319FileBuilder.Standard();
        file.Records.Insert(6, new TestRecord((RecordType)5));
        var read = await Reading.ReadAsync(file);

        Assert.Equal(["0002", "8026"], read.FileCodes);
        Assert.All(read.Result.FileFaults, f => Assert.Equal(7, f.RecordNumber));
        Assert.Equal(RecordType.Unknown, read.Record(7).Type);
    }

    [Fact]
    public async Task A_record_whose_type_is_not_digits_rejects_the_file_with_0002_and_8026()
    {
        var file = Aw319FileBuilder.Standard();
        file[5].Bytes[0] = (byte)'O';
        var read = await Reading.ReadAsync(file);

        Assert.Equal("0002", read.FileCodes[0]);
        Assert.Contains("8026", read.FileCodes);
    }

    [Fact]
    public async Task A_debiteurrecord_rejects_the_file_with_8075()
    {
        var file = Aw319FileBuilder.Standard();
        file.Records.Insert(6, new TestRecord(RecordType.Debiteur));
        var read = await Reading.ReadAsync(file.Recount());

        Assert.Equal(["8075"], read.FileCodes);
        Assert.Equal(1, read.Result.AantalDebiteurrecords);
    }

    [Fact]
    public async Task A_prestatierecord_with_no_verzekerdenrecord_above_it_rejects_the_file_with_8026()
    {
        var file = new Aw319FileBuilder()
            .Client(Bsn.A).Line("Z015", s_jan1, s_jan31, 31, 16_342, "REF-1")
            .Build();
        file.Records.RemoveAt(1);
        file[1].Set(Aw319Layout.Prestatie.IdentificatieDetailrecord, 1);
        var read = await Reading.ReadAsync(file.Recount());

        // One detail record: the sluitrecord's 9906 is below the BER's minimum of 2 as well (0156).
        Assert.Equal(["8026", "0156"], read.FileCodes);
        Assert.Equal(2, read.Result.FileFaults[0].RecordNumber);
    }

    [Fact]
    public async Task A_verzekerdenrecord_without_a_prestatierecord_under_it_rejects_the_file_with_8026()
    {
        var file = new Aw319FileBuilder()
            .Client(Bsn.A)
            .Client(Bsn.B).Line("Z015", s_jan1, s_jan31, 31, 16_342, "REF-1")
            .Build();
        var read = await Reading.ReadAsync(file);

        Assert.Equal(["8026"], read.FileCodes);
        Assert.Equal(3, read.Result.FileFaults.Single().RecordNumber);
    }

    [Fact]
    public async Task A_last_verzekerdenrecord_without_a_prestatierecord_rejects_the_file_with_8026()
    {
        var file = new Aw319FileBuilder()
            .Client(Bsn.A).Line("Z015", s_jan1, s_jan31, 31, 16_342, "REF-1")
            .Client(Bsn.B).Comment("geen zorg geleverd")
            .Build();
        var read = await Reading.ReadAsync(file);

        Assert.Equal(["8026"], read.FileCodes);
        Assert.Equal(6, read.Result.FileFaults.Single().RecordNumber);
    }

    [Fact]
    public async Task A_file_without_any_verzekerdenrecord_rejects_the_file_with_8026()
    {
        var file = new Aw319FileBuilder().Build();
        var read = await Reading.ReadAsync(file);

        Assert.Equal(2, read.Result.Records);
        Assert.Equal(["8026", "0156"], read.FileCodes);
    }

    [Fact]
    public async Task A_commentaarrecord_right_after_the_voorlooprecord_rejects_the_file_with_8026()
    {
        var file = Aw319FileBuilder.Standard();
        file.Records.Insert(1, new TestRecord(RecordType.Commentaar).Set(K.IdentificatieDetailrecord, 0).Set(K.Regelnummer, 1).Set(K.VrijeTekst, "los"));
        var read = await Reading.ReadAsync(file.Recount());

        Assert.Equal(["8026"], read.FileCodes);
        Assert.Equal(2, read.Result.FileFaults.Single().RecordNumber);
    }

    [Fact]
    public async Task A_record_after_the_sluitrecord_rejects_the_file_with_8026()
    {
        var file = Aw319FileBuilder.Standard();
        file.Records.Add(file[4].Clone());
        var read = await Reading.ReadAsync(file);

        // The 99 cannot have counted what comes after it: the record is out of place, and that is all.
        Assert.Equal(["8026"], read.FileCodes);
        Assert.Equal(11, read.Result.FileFaults.Single().RecordNumber);
        Assert.Equal(2, read.Result.AantalCommentaarrecords);
    }

    [Fact]
    public async Task A_second_voorlooprecord_rejects_the_file_with_8199()
    {
        var file = Aw319FileBuilder.Standard();
        file.Records.Insert(6, file.Voorloop.Clone());
        var read = await Reading.ReadAsync(file);

        Assert.Equal(["8199"], read.FileCodes);
        Assert.Equal(7, read.Result.FileFaults.Single().RecordNumber);
    }

    [Fact]
    public async Task A_second_sluitrecord_rejects_the_file_with_8200()
    {
        var file = Aw319FileBuilder.Standard();
        file.Records.Add(file.Sluit.Clone());
        var read = await Reading.ReadAsync(file);

        Assert.Equal(["8200"], read.FileCodes);
        Assert.Equal(11, read.Result.FileFaults.Single().RecordNumber);
    }

    [Fact]
    public async Task A_file_without_a_sluitrecord_is_rejected_with_0208()
    {
        var file = Aw319FileBuilder.Standard();
        file.Records.RemoveAt(file.Records.Count - 1);
        var read = await Reading.ReadAsync(file);

        Assert.Equal(["0208"], read.FileCodes);
        Assert.Null(read.Result.Sluit);
    }

    [Fact]
    public async Task Comment_records_under_a_verzekerdenrecord_and_under_a_prestatierecord_are_in_order()
    {
        var file = new Aw319FileBuilder()
            .Client(Bsn.A).Comment("een").Comment("twee")
            .Line("Z015", s_jan1, s_jan31, 31, 16_342, "REF-1").Comment("drie").Comment("vier").Comment("vijf")
            .Build();
        var read = await Reading.ReadAsync(file);

        Assert.Empty(read.FileCodes);
        Assert.Empty(read.RecordCodes);
        Assert.Equal(5, read.Result.AantalCommentaarrecords);
    }
}
