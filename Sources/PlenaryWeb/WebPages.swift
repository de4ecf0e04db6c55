import PlenaryEngine
import PlenaryHost
import PlenaryReports

/// The voting pages, as HTML text: pure functions of the room's voter view and what the phone has done, so tests read
/// them without a server. Every participant or session text goes through `HTMLReport.escape`. No inline script or
/// style (the Content-Security-Policy forbids both): the look is `/plenary.css`, the live updates `/plenary.js`, and
/// every page works without them (forms post and answer with a page; "Check again" reloads).
public enum WebPages {
    /// The page around a body: one column for a thumb on a 360-pixel phone.
    static func page(title: String, body: [String], followsRoom: Bool = false) -> String {
        var head = [
            "<!doctype html>",
            "<html lang=\"en\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
            "<title>\(HTMLReport.escape(title))</title>",
            "<link rel=\"stylesheet\" href=\"/plenary.css\">",
        ]
        if followsRoom { head.append("<script src=\"/plenary.js\" defer></script>") }
        return (head + ["</head>", "<body>", "<main>"] + body + ["</main>", "</body>", "</html>"]).joined(separator: "\n") + "\n"
    }

    /// Asks for the room code shown on the projector.
    public static func join(title: String, problem: String? = nil) -> String {
        var body = ["<h1>\(HTMLReport.escape(title))</h1>"]
        if let problem { body.append("<p class=\"problem\" role=\"alert\">\(HTMLReport.escape(problem))</p>") }
        body += [
            "<form method=\"post\" action=\"/join\">",
            "<label for=\"room\">Room code, as shown on the screen</label>",
            "<input id=\"room\" name=\"room\" inputmode=\"numeric\" autocomplete=\"off\" maxlength=\"12\" required autofocus>",
            "<button type=\"submit\">Join</button>",
            "</form>",
        ]
        return page(title: title, body: body)
    }

    /// What the phone shows now: each open poll as a form, or "recorded" for a poll it voted in this round, or a
    /// waiting note when nothing is open.
    public static func polls(room: WebInbox.Room, csrf: String, voted: (RoomView.Poll, Int) -> Bool,
                             upvoted: Set<Int> = [], message: Message? = nil) -> String {
        guard let view = room.view else {
            return page(title: "Plenary", body: ["<h1>Plenary</h1>", "<p>The workshop is starting. Check again in a moment.</p>"])
        }
        var body = ["<h1>\(HTMLReport.escape(view.title))</h1>"]
        if let message {
            let kind = message.isProblem ? "problem" : "done"
            body.append("<p class=\"\(kind)\" role=\"\(message.isProblem ? "alert" : "status")\">\(HTMLReport.escape(message.text))</p>")
        }
        let open = view.polls.filter(\.isOpen)
        if open.isEmpty && view.qa == nil {
            body.append("<p id=\"waiting\">No poll is open right now. This page shows the next one when the moderator opens it.</p>")
        }
        for poll in open {
            let round = room.rounds[poll.id] ?? 0
            if voted(poll, round) {
                body += ["<section class=\"poll\">", "<h2>\(HTMLReport.escape(poll.question))</h2>",
                         "<p class=\"done\">Recorded. Thank you: your answer is counted.</p>", "</section>"]
            } else {
                body += form(for: poll, csrf: csrf)
            }
        }
        for poll in view.polls {
            if let results = poll.results { body += resultsSection(for: poll, results: results) }
        }
        if let board = view.qa { body += WebBoardSection.lines(for: board, csrf: csrf, upvoted: upvoted) }
        body.append("<p><a href=\"/polls\">Check again</a></p>")
        return page(title: view.title, body: body, followsRoom: true)
    }

    /// A poll's totals, only when the voter's `RoomView` carries them: revealed by the moderator, or shown live by
    /// the session. That projection is the terminals' too, so a phone sees exactly what an attached voter sees.
    static func resultsSection(for poll: RoomView.Poll, results: RoomView.Results) -> [String] {
        var lines = ["<section class=\"poll results\">", "<h2>Results: \(HTMLReport.escape(poll.question))</h2>",
                     "<p>\(results.ballotCount) \(results.ballotCount == 1 ? "answer" : "answers")</p>", "<ul>"]
        lines += results.rows.map { row in
            "<li>\(HTMLReport.escape(row.label)): \(HTMLReport.escape(row.valueText))</li>"
        }
        lines.append("</ul>")
        lines.append("</section>")
        return lines
    }

    public struct Message: Sendable, Equatable {
        public var text: String
        public var isProblem: Bool
        public init(_ text: String, isProblem: Bool) {
            self.text = text
            self.isProblem = isProblem
        }
    }

    /// One poll's form. Field names are `WebBallotForm`'s.
    static func form(for poll: RoomView.Poll, csrf: String) -> [String] {
        let id = HTMLReport.escape(poll.id)
        var lines = [
            "<section class=\"poll\">",
            "<form method=\"post\" action=\"/vote\">",
            "<fieldset>",
            "<legend><h2>\(HTMLReport.escape(poll.question))</h2></legend>",
            "<input type=\"hidden\" name=\"poll\" value=\"\(id)\">",
            "<input type=\"hidden\" name=\"csrf\" value=\"\(HTMLReport.escape(csrf))\">",
        ]
        let options = poll.options.enumerated().map { (index: $0.offset, label: HTMLReport.escape($0.element)) }
        switch poll.type {
        case .single:
            lines += options.map { option in
                "<label class=\"choice\"><input type=\"radio\" name=\"choice\" value=\"\(option.index)\" required> \(option.label)</label>"
            }
        case .multiple:
            if let most = poll.maxPicks { lines.append("<p class=\"hint\">Choose up to \(most).</p>") }
            lines += options.map { option in
                "<label class=\"choice\"><input type=\"checkbox\" name=\"picks[]\" value=\"\(option.index)\"> \(option.label)</label>"
            }
        case .scale:
            let scale = poll.scale ?? RatingScale(min: 1, max: 5)
            if scale.minLabel != nil || scale.maxLabel != nil {
                let low = HTMLReport.escape(scale.minLabel ?? "\(scale.min)"), high = HTMLReport.escape(scale.maxLabel ?? "\(scale.max)")
                lines.append("<p class=\"hint\">\(scale.min) = \(low), \(scale.max) = \(high)</p>")
            }
            lines.append("<div class=\"scale\">")
            lines += (scale.min...max(scale.min, scale.max)).map { value in
                "<label class=\"choice\"><input type=\"radio\" name=\"value\" value=\"\(value)\" required> \(value)</label>"
            }
            lines.append("</div>")
        case .open:
            let limit = poll.maxLength ?? 280
            lines += ["<label for=\"text-\(id)\">Your answer (up to \(limit) characters)</label>",
                      "<textarea id=\"text-\(id)\" name=\"text\" maxlength=\"\(limit)\" rows=\"3\" required></textarea>"]
        case .ranking:
            lines.append("<p class=\"hint\">Give each answer a place: 1 is your first choice.</p>")
            lines.append("<div class=\"ranking\">")
            lines += options.map { option in
                let places = (1...max(1, options.count)).map { "<option value=\"\($0)\">\($0)</option>" }.joined()
                return "<label class=\"rank\"><select name=\"positions[]\" required><option value=\"\">–</option>\(places)</select> <span>\(option.label)</span></label>"
            }
            lines.append("</div>")
        case .allocation:
            let total = poll.points ?? 100
            lines.append("<p class=\"hint\">Share \(total) points among the answers.</p>")
            lines.append("<div class=\"allocation\" data-total=\"\(total)\">")
            lines += options.map { option in
                "<label class=\"points\"><input type=\"number\" name=\"points[]\" min=\"0\" max=\"\(total)\" value=\"0\" inputmode=\"numeric\" required> \(option.label)</label>"
            }
            lines.append("<p class=\"sum\" aria-live=\"polite\" hidden></p>")
            lines.append("</div>")
        }
        if poll.needsCode {
            lines += ["<label for=\"code-\(id)\">Your voting code, as printed on your slip</label>",
                      "<input id=\"code-\(id)\" name=\"code\" autocomplete=\"off\" autocapitalize=\"characters\" required>"]
        }
        lines += ["</fieldset>", "<button type=\"submit\">Send my answer</button>", "</form>", "</section>"]
        return lines
    }

    /// The look: large targets, system fonts, contrast above 7:1, no external anything.
    public static let style = """
        * { box-sizing: border-box; }
        [hidden] { display: none !important; }
        body { font: 18px/1.45 system-ui, sans-serif; color: #111; background: #fff; margin: 0; }
        main { max-width: 36rem; margin: 0 auto; padding: 1rem; }
        h1 { font-size: 1.3rem; margin: 0 0 1rem; }
        h2 { font-size: 1.15rem; margin: 0 0 .5rem; }
        fieldset { border: 0; padding: 0; margin: 0; }
        legend { padding: 0; }
        .poll { border-top: 2px solid #ccc; padding: 1rem 0; }
        label { display: block; margin: .5rem 0; }
        .choice, .rank, .points { display: flex; align-items: center; gap: .6rem; min-height: 3rem;
                                  border: 1px solid #999; border-radius: .4rem; padding: .4rem .7rem; }
        input[type=radio], input[type=checkbox] { width: 1.4rem; height: 1.4rem; }
        input, select, textarea, button { font: inherit; }
        input[type=number] { width: 5rem; }
        textarea, #room { width: 100%; padding: .5rem; border: 1px solid #555; border-radius: .4rem; }
        button { width: 100%; min-height: 3rem; margin-top: .8rem; background: #1a4f8b; color: #fff; border: 0;
                 border-radius: .4rem; }
        button:focus, input:focus, select:focus, textarea:focus, a:focus { outline: 3px solid #b35c00; outline-offset: 2px; }
        .problem { background: #fde8e6; border-left: 4px solid #a3191b; padding: .5rem .7rem; }
        .done { background: #e5f4e7; border-left: 4px solid #1d6b2a; padding: .5rem .7rem; }
        .hint { color: #333; }
        a { color: #1a4f8b; }
        .order { list-style: none; padding: 0; margin: .5rem 0; }
        .order li { display: flex; align-items: center; gap: .4rem; min-height: 3rem; margin: .4rem 0; padding: .3rem .5rem;
                    border: 1px solid #555; border-radius: .4rem; background: #fff; touch-action: none; }
        .order li.dragging { background: #e8eef6; border-color: #1a4f8b; }
        .order .place { font-weight: bold; min-width: 1.5rem; }
        .order .label { flex: 1; }
        .order button { width: 3rem; min-height: 2.75rem; margin: 0; }
        .sum { font-weight: bold; }
        .sum.over { color: #a3191b; }
        """

    /// With JavaScript (all optional; the forms work without it): the page reloads when the room changes (a poll
    /// opens or closes) unless someone is typing; a ranking becomes a list to reorder by drag (touch or mouse) or by
    /// its up and down buttons, which sets the place selects the form posts; a points form shows its running sum.
    public static let script = """
        (function () {
          function text(element, value) { element.textContent = value; }

          function enhanceRanking(box) {
            var labels = Array.prototype.slice.call(box.querySelectorAll('label.rank'));
            if (labels.length < 2) return;
            var list = document.createElement('ol');
            list.className = 'order';
            list.setAttribute('aria-label', 'Your order, first choice at the top');
            var status = document.createElement('p');
            status.className = 'hint';
            status.setAttribute('aria-live', 'polite');
            function sync() {
              Array.prototype.forEach.call(list.children, function (item, index) {
                labels[Number(item.dataset.option)].querySelector('select').value = String(index + 1);
                text(item.querySelector('.place'), String(index + 1));
              });
            }
            function move(item, step) {
              var target = step < 0 ? item.previousElementSibling : item.nextElementSibling;
              if (!target) return;
              list.insertBefore(item, step < 0 ? target : target.nextElementSibling);
              sync();
              text(status, item.querySelector('.label').textContent + ': place ' + (Array.prototype.indexOf.call(list.children, item) + 1));
            }
            labels.forEach(function (label, index) {
              var name = label.querySelector('span').textContent;
              var item = document.createElement('li');
              item.dataset.option = String(index);
              var place = document.createElement('span'); place.className = 'place';
              var title = document.createElement('span'); title.className = 'label'; text(title, name);
              var up = document.createElement('button'); up.type = 'button'; text(up, '↑');
              up.setAttribute('aria-label', 'Move ' + name + ' up');
              var down = document.createElement('button'); down.type = 'button'; text(down, '↓');
              down.setAttribute('aria-label', 'Move ' + name + ' down');
              up.addEventListener('click', function () { move(item, -1); up.focus(); });
              down.addEventListener('click', function () { move(item, 1); down.focus(); });
              item.addEventListener('pointerdown', function (event) {
                if (event.target.tagName === 'BUTTON') return;
                item.classList.add('dragging');
                item.setPointerCapture(event.pointerId);
              });
              item.addEventListener('pointermove', function (event) {
                if (!item.classList.contains('dragging')) return;
                var previous = item.previousElementSibling, next = item.nextElementSibling;
                if (previous && event.clientY < previous.getBoundingClientRect().bottom - previous.offsetHeight / 2) move(item, -1);
                else if (next && event.clientY > next.getBoundingClientRect().top + next.offsetHeight / 2) move(item, 1);
              });
              function drop() { item.classList.remove('dragging'); }
              item.addEventListener('pointerup', drop);
              item.addEventListener('pointercancel', drop);
              item.appendChild(place); item.appendChild(title); item.appendChild(up); item.appendChild(down);
              list.appendChild(item);
            });
            labels.forEach(function (label) { label.hidden = true; });
            box.appendChild(list);
            box.appendChild(status);
            sync();
          }

          function enhanceAllocation(box) {
            var total = Number(box.dataset.total);
            var sum = box.querySelector('.sum');
            var inputs = box.querySelectorAll('input[type=number]');
            function update() {
              var given = 0;
              Array.prototype.forEach.call(inputs, function (input) { given += Number(input.value) || 0; });
              text(sum, given + ' of ' + total + ' points' + (given > total ? ': too many' : given < total ? '' : ': all given'));
              sum.classList.toggle('over', given > total);
            }
            Array.prototype.forEach.call(inputs, function (input) { input.addEventListener('input', update); });
            sum.hidden = false;
            update();
          }

          Array.prototype.forEach.call(document.querySelectorAll('.ranking'), enhanceRanking);
          Array.prototype.forEach.call(document.querySelectorAll('.allocation'), enhanceAllocation);

          // A half-filled answer is never thrown away: once the voter has touched a form, a change in the room
          // shows a note (read out by screen readers) instead of reloading.
          var touched = false;
          document.addEventListener('input', function () { touched = true; });
          document.addEventListener('change', function () { touched = true; });
          document.addEventListener('click', function (event) { if (event.target.closest && event.target.closest('.order')) touched = true; });

          if (!window.EventSource) return;
          var source = new EventSource('/events');
          var first = true;
          source.onmessage = function () {
            if (first) { first = false; return; }
            var active = document.activeElement;
            var typing = active && (active.tagName === 'TEXTAREA' || active.tagName === 'INPUT' || active.tagName === 'SELECT');
            if (!typing && !touched) { window.location.replace('/polls'); return; }
            var note = document.getElementById('room-changed');
            if (!note) {
              note = document.createElement('p');
              note.id = 'room-changed';
              note.className = 'hint';
              note.setAttribute('role', 'status');
              text(note, 'The moderator changed the polls. Send your answer, or check again to see them.');
              document.querySelector('main').insertBefore(note, document.querySelector('main').children[1] || null);
            }
          };
        })();
        """
}
