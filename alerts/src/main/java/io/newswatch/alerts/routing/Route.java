package io.newswatch.alerts.routing;

import io.newswatch.model.Alert;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A node of the routing tree (the model is Prometheus Alertmanager's): an alert that the node's matcher takes is
 * offered to its child routes in order; the first child that takes it keeps it, unless that child says
 * {@code continue: true}, in which case the later children are offered it too. When no child takes it, the node's
 * own receivers get it. The root takes every alert, so every alert reaches at least the root's receivers.
 *
 * <p>A route that names no receiver sends with its parent's, as in Alertmanager; {@link Subscriptions} resolves
 * that when it loads the file, so {@link #receivers()} are the ones the route sends to, and requires a receiver on
 * the root, so every route of a loaded tree has at least one.
 *
 * @param path      where the route is in the file, for dry runs: {@code route}, {@code route.routes[1]}, ...
 * @param matcher   which alerts it takes
 * @param receivers receiver names, in order: its own, or its parent's when it names none
 * @param continueMatching whether later siblings are offered an alert this route took
 * @param grouping  how its receivers get the alerts it takes (its own keys, else its parent's)
 * @param routes    child routes
 * @param receiversInherited whether {@code receivers} are its parent's (it names none of its own)
 */
public record Route(String path, AlertMatcher matcher, List<String> receivers, boolean continueMatching,
                    Grouping grouping, List<Route> routes, boolean receiversInherited) {
    public Route {
        receivers = List.copyOf(receivers);
        routes = List.copyOf(routes);
        grouping = grouping == null ? Grouping.NONE : grouping;
    }

    /** A route with its own receivers. */
    public Route(String path, AlertMatcher matcher, List<String> receivers, boolean continueMatching,
                 Grouping grouping, List<Route> routes) {
        this(path, matcher, receivers, continueMatching, grouping, routes, false);
    }

    /** A route that sends each alert at once. */
    public Route(String path, AlertMatcher matcher, List<String> receivers, boolean continueMatching,
                 List<Route> routes) {
        this(path, matcher, receivers, continueMatching, Grouping.NONE, routes);
    }

    /** The routes whose receivers get the alert, in tree order; empty when this route does not take it. */
    public List<Route> match(Alert alert) {
        if (!matcher.matches(alert)) {
            return List.of();
        }
        List<Route> out = new ArrayList<>();
        for (Route child : routes) {
            List<Route> m = child.match(alert);
            if (!m.isEmpty()) {
                out.addAll(m);
                if (!child.continueMatching()) {
                    break;
                }
            }
        }
        if (out.isEmpty()) {
            out.add(this);
        }
        return out;
    }

    /** The receivers that get the alert, each once, in tree order. */
    public List<String> receiversFor(Alert alert) {
        return List.copyOf(targets(alert).keySet());
    }

    /**
     * Each receiver that gets the alert, in tree order, with the route that sends it there. A receiver that two
     * matching routes name gets the alert once, the way the first of them says (its grouping): one message per
     * alert and receiver, never two.
     */
    public Map<String, Route> targets(Alert alert) {
        Map<String, Route> out = new LinkedHashMap<>();
        for (Route r : match(alert)) {
            for (String name : r.receivers()) {
                out.putIfAbsent(name, r);
            }
        }
        return out;
    }
}
