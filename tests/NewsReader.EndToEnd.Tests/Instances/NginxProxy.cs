using System.Diagnostics;
using System.Text.RegularExpressions;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests.Instances;

/// <summary>Debian's nginx in front of the app instances, configured by the repository's deploy/nginx.conf with only
/// its addresses changed; run as the tests' user with every file in a temporary folder.</summary>
public sealed partial class NginxProxy : IAsyncDisposable
{
    private const string Executable = "/usr/sbin/nginx";

    private readonly Process process;
    private readonly string folder;

    private NginxProxy(Process process, string folder, Uri baseAddress)
    {
        this.process = process;
        this.folder = folder;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public static async Task<NginxProxy> StartAsync(IReadOnlyList<Uri> instances)
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: run the tests with tests/run-all.sh, which installs Debian's nginx.");
        }

        var folder = Directory.CreateTempSubdirectory("newsreader-nginx-").FullName;

        // As root, nginx's workers run as nobody, and must still write their temporary files here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(folder, (UnixFileMode)0b111_111_111);
        }
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var site = await File.ReadAllTextAsync(Path.Combine(RepositoryFiles.Root, "deploy", "nginx.conf"));
        site = UpstreamServers().Replace(site, "");
        site = site.Replace("upstream newsreader {", "upstream newsreader {\n" + string.Concat(instances.Select(i => $"    server {i.Authority};\n")), StringComparison.Ordinal);
        site = site.Replace("listen 80;", $"listen {address.Authority};", StringComparison.Ordinal);
        await File.WriteAllTextAsync(Path.Combine(folder, "newsreader.conf"), site);
        await File.WriteAllTextAsync(Path.Combine(folder, "nginx.conf"), $$"""
            worker_processes 1;
            daemon off;
            pid {{folder}}/nginx.pid;
            error_log {{folder}}/error.log warn;
            events { worker_connections 512; }
            http {
                access_log off;
                client_body_temp_path {{folder}}/body;
                proxy_temp_path {{folder}}/proxy;
                fastcgi_temp_path {{folder}}/fastcgi;
                uwsgi_temp_path {{folder}}/uwsgi;
                scgi_temp_path {{folder}}/scgi;
                include {{folder}}/newsreader.conf;
            }
            """);

        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", folder, "-c", Path.Combine(folder, "nginx.conf") })
        {
            start.ArgumentList.Add(argument);
        }

        var proxy = new NginxProxy(Process.Start(start)!, folder, address);
        await proxy.WaitUntilListeningAsync();
        return proxy;
    }

    private async Task WaitUntilListeningAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        for (var attempt = 0; attempt < 100; attempt++)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"nginx exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
            }

            try
            {
                using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException("nginx did not start listening.");
    }

    [GeneratedRegex(@"^\s*server 127\.0\.0\.1:\d+;\n", RegexOptions.Multiline)]
    private static partial Regex UpstreamServers();

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}
