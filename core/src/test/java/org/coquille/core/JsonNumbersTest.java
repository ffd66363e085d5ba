package org.coquille.core;

import org.coquille.Coquille;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.coquille.http.FakeRequest;
import org.coquille.http.HttpResponse;
import org.coquille.http.IdentityResolver;
import org.coquille.store.MemoryStore;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every number the JSON API reads is range-checked: out of range, it is refused with its real value named. */
class JsonNumbersTest {

    private static final PageId PAGE = PageId.of("/news/canteen.jsp");
    private static final String HUGE = "100000000000000000000";

    @TempDir
    Path work;
    private MemoryStore store;
    private Coquille coquille;
    private String token;

    @BeforeEach
    void start() {
        store = new MemoryStore();
        coquille = Coquille.builder().settings(Map.of("coquille.workFolder", work.toString()))
                .store(store).key(new byte[32]).identity(IdentityResolver.container("coquille-editor"))
                .build();
        store.pages().saveSettings(PageSettings.off(PAGE).withWidgets(Set.of(Widget.values())));
        byte[] page = coquille.decorate(FakeRequest.get(PAGE.value()).user("alice"),
                "<html><body><p>Menu</p></body></html>".getBytes(StandardCharsets.UTF_8), "UTF-8");
        token = Jsoup.parse(new String(page, StandardCharsets.UTF_8)).selectFirst("input[name=coq_csrf]").val();
    }

    @AfterEach
    void stop() {
        coquille.close();
    }

    private HttpResponse post(String action, String json) {
        return coquille.handle(FakeRequest.post("/_coquille/api/" + action).user("alice")
                .header("X-Coquille-Csrf", token).json(json));
    }

    @ParameterizedTest
    @CsvSource({"4294967297", "-4294967295", "2147483648", HUGE, "-" + HUGE})
    void voteOutOfRangeIsRefusedNamingItsValue(String value) {
        HttpResponse response = post("vote", "{\"page\":\"/news/canteen.jsp\",\"vote\":" + value + "}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains(value).doesNotContain("1,661,992,960");
        assertThat(store.votes().vote(PAGE, "alice")).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "poll    | {\"poll\":1,\"options\":[4294967296]}              | 4294967296",
        "poll    | {\"poll\":" + HUGE + ",\"options\":[0]}            | " + HUGE,
        "comment | {\"page\":\"/news/canteen.jsp\",\"body\":\"x\",\"parent\":" + HUGE + "} | " + HUGE,
        "idea/vote | {\"idea\":-" + HUGE + "}                         | -" + HUGE,
        "datepoll/close | {\"datePoll\":1,\"slot\":4294967296}        | 4294967296",
        "datepoll | {\"datePoll\":1,\"slots\":{\"4294967296\":\"yes\"}} | 4294967296",
    })
    void everyNumberOutOfRangeIsRefusedNamingItsValue(String action, String json, String value) {
        HttpResponse response = post(action, json);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains(value);
    }

    @Test
    void fractionIsNotAWholeNumber() {
        HttpResponse response = post("vote", "{\"page\":\"/news/canteen.jsp\",\"vote\":1.0000000001}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.bodyText()).contains("1.0000000001");
        assertThat(store.votes().vote(PAGE, "alice")).isNull();
    }

    @Test
    void numbersInRangeStillWork() {
        assertThat(post("vote", "{\"page\":\"/news/canteen.jsp\",\"vote\":1}").status()).isEqualTo(200);
        assertThat(store.votes().vote(PAGE, "alice")).isEqualTo(1);
        assertThat(List.of(400, 404)).contains(post("poll", "{\"poll\":2147483647,\"options\":[0]}").status());
    }
}
