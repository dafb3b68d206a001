using System.Diagnostics;
using System.Text;
using NewsReader.Testing;

namespace NewsReader.EndToEnd.Tests.Instances;

/// <summary>The app's own executable in a process of its own, as a deployment runs it: a command, or an instance of
/// the web app on a loopback port.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Uri? baseAddress;
    private readonly StringBuilder output = new();
    private bool disposed;

    private AppProcess(Process process, Uri? baseAddress)
    {
        this.process = process;
        this.baseAddress = baseAddress;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri BaseAddress => baseAddress ?? throw new InvalidOperationException("A command has no address.");

    /// <summary>What the instance has written so far, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>How to run the app (from this test's build) with these arguments, from the repository's root.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryFiles.Root,
        };
        start.ArgumentList.Add(typeof(Program).Assembly.Location);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    /// <summary>Runs a command of the app (<c>import</c>, <c>backup</c>, <c>verify</c>) to its end: its exit code and what it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunCommandAsync(IEnumerable<string> arguments)
    {
        using var process = Process.Start(StartInfo(arguments))!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }

    /// <summary>Starts a command of the app without waiting for its end, for a test that watches its output or stops it.</summary>
    public static AppProcess StartCommand(IEnumerable<string> arguments) => new(Process.Start(StartInfo(arguments))!, null);

    /// <summary>Stops the process as a power cut or the kernel's OOM killer would: SIGKILL, with no chance to clean up.</summary>
    public async Task KillAbruptlyAsync()
    {
        process.Kill(entireProcessTree: false);
        await process.WaitForExitAsync();
    }

    /// <summary>Waits until the process has written a line that <paramref name="ready"/> accepts.</summary>
    public async Task WaitForOutputAsync(Func<string, bool> ready, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!ready(Output))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The process {(process.HasExited ? "ended" : "went on")} without the awaited output:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Starts an instance of the web app (Development, for the build's static web assets) with these settings.</summary>
    public static AppProcess StartWeb(IEnumerable<string> settings)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var start = StartInfo([$"--urls={address}", $"--contentRoot={Path.Combine(RepositoryFiles.Root, "src", "NewsReader.Web")}", .. settings]);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        return new AppProcess(Process.Start(start)!, address);
    }

    /// <summary>Waits until the instance answers its health check.</summary>
    public async Task WaitUntilHealthyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The instance at {BaseAddress} exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var health = await http.GetAsync(new Uri("/healthz", UriKind.Relative));
                if (health.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet, or still busy starting on a loaded machine: one slow answer is not the deadline.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The instance at {BaseAddress} was not healthy within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync();
        process.Dispose();
    }
}
