using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace HemelMassage.Web.Tests.Support;

/// <summary>
/// A real SMTP server (the SmtpServer package) on a free loopback port. It keeps what it accepts,
/// can be told to answer the next messages with other codes (451, 550...), can be made to do something
/// (wait, like a slow server) after a message's final "." and before its reply, and can be stopped and
/// started again on the same port.
/// </summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<int> _script = new();
    private CancellationTokenSource? _running;
    private Task? _serverTask;

    public TestSmtpServer(bool start = true)
    {
        Port = FreePort();
        if (start)
        {
            StartAsync().GetAwaiter().GetResult();
        }
    }

    public int Port { get; }

    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    private TaskCompletionSource _arrived = NewSignal();

    /// <summary>
    /// The first message kept that matches, as soon as it arrives: woken by each arrival rather than by polling,
    /// with <paramref name="within"/> only as the limit for a message that never comes.
    /// </summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan within, string what)
    {
        using var deadline = new CancellationTokenSource(within);
        while (true)
        {
            // Taken before looking, so a message that lands between the look and the wait still wakes us.
            var arrived = Volatile.Read(ref _arrived).Task;
            if (Messages.FirstOrDefault(match) is { } message)
            {
                return message;
            }
            try
            {
                await arrived.WaitAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested)
            {
                throw new TimeoutException($"No {what} within {within.TotalSeconds:0} s; the server has: "
                    + string.Join("; ", Messages.Select(m => $"{m.To} {m.Subject}")));
            }
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Every DATA the server saw, accepted or not.</summary>
    public int Deliveries => _deliveries;

    private int _deliveries;

    /// <summary>Runs after the final "." of delivery n (from 1) and before the reply; the message is kept even if the client has gone.</summary>
    public Func<int, Task>? BeforeReply { get; set; }

    /// <summary>The next messages get these reply codes, in order; after that, 250.</summary>
    public void ReplyWith(params int[] codes)
    {
        foreach (var code in codes)
        {
            _script.Enqueue(code);
        }
    }

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)).IsSecure(false))
            .Build();
        var services = new ServiceProvider();
        services.Add(new Store(this));
        _running = new CancellationTokenSource();
        _serverTask = new SmtpServer.SmtpServer(options, services).StartAsync(_running.Token);
        await WaitUntilListeningAsync();
    }

    public async Task StopAsync()
    {
        if (_running is null || _serverTask is null)
        {
            return;
        }
        await _running.CancelAsync();
        try { await _serverTask.WaitAsync(TimeSpan.FromSeconds(5)); } catch (OperationCanceledException) { }
        _running.Dispose();
        _running = null;
        _serverTask = null;
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task WaitUntilListeningAsync()
    {
        // Bounded by time, not by tries: on a loaded machine the listener can take seconds to open.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(20);
            }
        }
        throw new InvalidOperationException("The test SMTP server did not start on port " + Port);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(TestSmtpServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            var delivery = Interlocked.Increment(ref server._deliveries);
            if (server.BeforeReply is { } beforeReply)
            {
                await beforeReply(delivery);
            }
            if (server._script.TryDequeue(out var code) && code != 250)
            {
                return new SmtpResponse((SmtpReplyCode)code, "scripted reply " + code);
            }
            using var stream = new MemoryStream(buffer.ToArray());
            server.Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            Interlocked.Exchange(ref server._arrived, NewSignal()).TrySetResult();
            return SmtpResponse.Ok;
        }
    }
}
