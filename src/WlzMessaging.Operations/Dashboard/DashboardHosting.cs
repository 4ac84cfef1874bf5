using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace WlzMessaging.Operations.Dashboard;

/// <summary>
/// What every response of the operators' web host (the dashboard, <c>/metrics</c>, <c>/healthz</c>; in <c>wlz run</c> and
/// <c>wlz dashboard</c>) gets: ASP.NET Core's host filtering, answering only the Host names of
/// <see cref="DashboardHostOptions.EffectiveAllowedHosts"/> (400 for any other: a DNS-rebinding page cannot read it), and
/// the usual security headers.
/// </summary>
public static class DashboardHosting
{
    /// <summary>For responses that set none of their own (the page sets one allowing its own script).</summary>
    public const string DefaultContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>Registers the host filtering from <see cref="DashboardHostOptions"/>, checked at start.</summary>
    public static IServiceCollection AddDashboardHosting(this IServiceCollection services, Action<DashboardHostOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<DashboardHostOptions>().Configure(configure).ValidateOnStart();
        return AddFiltering(services);
    }

    /// <summary>Registers the host filtering with <see cref="DashboardHostOptions"/> bound to a configuration section.</summary>
    public static IServiceCollection AddDashboardHosting(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration section)
    {
        services.AddOptions<DashboardHostOptions>().Bind(section).ValidateOnStart();
        return AddFiltering(services);
    }

    private static IServiceCollection AddFiltering(IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<DashboardHostOptions>, DashboardHostOptions.Validator>();
        services.AddHostFiltering(_ => { });
        services.AddOptions<HostFilteringOptions>().Configure<IOptions<DashboardHostOptions>>((filtering, dashboard) =>
        {
            filtering.AllowedHosts = [.. dashboard.Value.EffectiveAllowedHosts()];
            filtering.AllowEmptyHosts = false;
        });
        return services;
    }

    /// <summary>The headers on every response (a refused Host's 400 included), then the host filtering.</summary>
    public static IApplicationBuilder UseDashboardHosting(this IApplicationBuilder app)
    {
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                if (headers.ContentSecurityPolicy.Count == 0)
                {
                    headers.ContentSecurityPolicy = DefaultContentSecurityPolicy;
                }

                if (headers.CacheControl.Count == 0)
                {
                    headers.CacheControl = "no-store";
                }

                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
        app.UseHostFiltering();
        return app;
    }
}
