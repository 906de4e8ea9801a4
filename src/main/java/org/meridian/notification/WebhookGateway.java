package org.meridian.notification;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts one message to a group robot, in the robot's own JSON (the robots' documented "markdown" messages):
 * <ul>
 * <li>WeCom (企业微信群机器人, {@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}):
 *     {@code {"msgtype": "markdown", "markdown": {"content": <markdown>}}}; content at most 4,096 bytes.</li>
 * <li>DingTalk (钉钉自定义机器人, {@code https://oapi.dingtalk.com/robot/send?access_token=…}):
 *     {@code {"msgtype": "markdown", "markdown": {"title": <the title>, "text": <markdown>}}}. A robot secured by
 *     signing (加签) gets {@code &timestamp=<ms>&sign=<s>} on its URL, where s is the URL-encoded Base64 of
 *     HMAC-SHA256 with the secret as key over {@code "<ms>\n<secret>"}; a robot secured by a keyword needs the
 *     keyword "Meridian", which every title holds.</li>
 * </ul>
 * Both answer HTTP 200 with {@code {"errcode": 0, "errmsg": "ok"}}; any other status, or another errcode (a wrong key,
 * too many messages a minute), is a failed attempt. The URL is never written into a failure's reason: it holds the
 * robot's key.
 */
@Component
class WebhookGateway {

    /** WeCom's limit of a markdown message's content. */
    static final int WECOM_MAX_BYTES = 4096;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json;
    private final Clock clock;

    WebhookGateway(JsonMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    void send(WebhookFormat format, String url, String secret, String title, String markdown)
            throws DeliveryFailedException {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("msgtype", "markdown");
        String target = url;
        switch (format) {
            case WECOM -> message.put("markdown", Map.of("content", cut(markdown, WECOM_MAX_BYTES)));
            case DINGTALK -> {
                message.put("markdown", Map.of("title", title, "text", markdown));
                if (secret != null && !secret.isBlank()) {
                    long millis = clock.millis();
                    target = url + (url.contains("?") ? "&" : "?") + "timestamp=" + millis + "&sign="
                            + URLEncoder.encode(sign(millis, secret), StandardCharsets.UTF_8);
                }
            }
        }
        HttpResponse<String> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(target)).timeout(TIMEOUT)
                            .header("Content-Type", "application/json; charset=utf-8")
                            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(message),
                                    StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new DeliveryFailedException("robot unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null || e.getMessage().contains(url) ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("interrupted while posting to the robot");
        } catch (IllegalArgumentException e) {
            throw new DeliveryFailedException("the robot's address is not a URL");
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryFailedException("robot answered HTTP " + response.statusCode());
        }
        JsonNode answer;
        try {
            answer = json.readTree(response.body());
        } catch (RuntimeException e) {
            throw new DeliveryFailedException("robot answered HTTP " + response.statusCode() + " without JSON");
        }
        JsonNode code = answer.get("errcode");
        if (code == null || code.asInt(-1) != 0) {
            JsonNode text = answer.get("errmsg");
            throw new DeliveryFailedException("robot refused: errcode " + (code == null ? "missing" : code.asString())
                    + (text == null ? "" : " " + cut(text.asString(), 200)));
        }
    }

    /** DingTalk's signature of a request at {@code millis}: Base64(HMAC-SHA256(secret, millis + "\n" + secret)). */
    static String sign(long millis, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(
                    mac.doFinal((millis + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The text cut to at most {@code maxBytes} of UTF-8, never inside a character. */
    static String cut(String text, int maxBytes) {
        if (text.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return text;
        }
        StringBuilder out = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (bytes + size > maxBytes - 3) {
                break;
            }
            out.appendCodePoint(cp);
            bytes += size;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }
}
