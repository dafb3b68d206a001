using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using NewsReader.Core.Importing;
using NewsReader.Data.Importing;
using NewsReader.Web.Accounts;

namespace NewsReader.Web.Components.Articles;

/// <summary>Editors add articles here: one pasted with its metadata, or files and feeds uploaded together.
/// Each goes through the same importer as the command line: recognised, indexed, checked for duplicates.</summary>
public sealed partial class AddArticlesPage
{
    public const int MaxFiles = 50;

    private static readonly string Accept = string.Join(',', ArticleFiles.Extensions.Concat(Feeds.Extensions).Append(".json"));

    private ArticleFields fields = new();
    private ImportResult? pasted;
    private Uploads uploads = new(0, 0, []);
    private bool busy;

    [Inject]
    private CircuitWrites Writes { get; set; } = null!;

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    /// <summary>Null when the Editor may write now; else why not (the circuit's share of the write limit is used up).</summary>
    private async Task<string?> RefusalAsync() =>
        Authentication is not null && (await Authentication).User.ReaderId() is { } reader && Writes.TryWrite(reader)
            ? null
            : L[CircuitWrites.Refusal, F.Number(Writes.PerMinute)].Value;

    private async Task SaveAsync()
    {
        if (await RefusalAsync() is { } refused)
        {
            pasted = new ImportResult("The article", ImportStatus.Failed, Problem: refused);
            return;
        }

        busy = true;
        try
        {
            var now = Clock.GetUtcNow();
            var (draft, problem) = fields.ToDraft(ArticleFields.NewKey(now), now);
            pasted = draft is null
                ? new ImportResult("The article", ImportStatus.Failed, Problem: problem)
                : await Importer.StoreAsync("The article", draft);
            if (pasted.Status != ImportStatus.Failed)
            {
                fields = new ArticleFields();
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task UploadAsync(InputFileChangeEventArgs e)
    {
        if (e.FileCount > MaxFiles)
        {
            uploads = new Uploads(1, 1, [new ImportResult("Upload", ImportStatus.Failed, Problem: $"Choose at most {MaxFiles} files at a time ({e.FileCount} chosen).")]);
            return;
        }

        if (await RefusalAsync() is { } refused)
        {
            uploads = new Uploads(1, 1, [new ImportResult("Upload", ImportStatus.Failed, Problem: refused)]);
            return;
        }

        busy = true;
        try
        {
            var files = e.GetMultipleFiles(MaxFiles);
            var sidecars = await SidecarsAsync(files);
            var articles = files.Where(f => !IsSidecar(f)).ToList();
            uploads = new Uploads(articles.Count, 0, []);
            foreach (var file in articles)
            {
                var results = await ImportAsync(file, sidecars);
                uploads = uploads with { Done = uploads.Done + 1, Results = [.. uploads.Results, .. results] };
                StateHasChanged();
            }
        }
        finally
        {
            busy = false;
        }
    }

    private async Task<IReadOnlyList<ImportResult>> ImportAsync(IBrowserFile file, Dictionary<string, ArticleMetadata> sidecars)
    {
        try
        {
            var content = await ReadAsync(file);
            sidecars.TryGetValue(Path.GetFileNameWithoutExtension(file.Name), out var sidecar);
            return await Importer.ImportAsync(new ImportSource(file.Name, content, sidecar, file.LastModified));
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException)
        {
            return [new ImportResult(file.Name, ImportStatus.Failed, Problem: $"{file.Name}: {ex.Message}")];
        }
    }

    /// <summary>A <c>NAME.json</c> chosen with <c>NAME.txt</c> is that file's metadata, as in the seeds folder.</summary>
    private static async Task<Dictionary<string, ArticleMetadata>> SidecarsAsync(IEnumerable<IBrowserFile> files)
    {
        var sidecars = new Dictionary<string, ArticleMetadata>(StringComparer.Ordinal);
        foreach (var file in files.Where(IsSidecar))
        {
            sidecars[Path.GetFileNameWithoutExtension(file.Name)] = ArticleMetadata.FromJson(await ReadAsync(file), file.Name);
        }

        return sidecars;
    }

    private static bool IsSidecar(IBrowserFile file) => Path.GetExtension(file.Name).Equals(".json", StringComparison.OrdinalIgnoreCase);

    private static async Task<byte[]> ReadAsync(IBrowserFile file)
    {
        if (file.Size > Feeds.MaxFeedBytes)
        {
            throw new InvalidDataException($"the file is larger than {Feeds.MaxFeedBytes / 1024 / 1024} MiB.");
        }

        await using var stream = file.OpenReadStream(Feeds.MaxFeedBytes);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer);
        return buffer.ToArray();
    }

    private sealed record Uploads(int Total, int Done, IReadOnlyList<ImportResult> Results);
}
