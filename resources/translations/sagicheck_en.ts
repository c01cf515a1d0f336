<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US" sourcelanguage="ja">
<context>
    <name>CrashReporter</name>
    <message>
        <source>思わぬ問題が起きました。ご迷惑をおかけします。
アプリをいったん閉じて、もう一度開いてください。</source>
        <translation>Something unexpected went wrong. We are sorry.
Please close the app and open it again.</translation>
    </message>
    <message>
        <source>思わぬ問題が起きました。ご迷惑をおかけします。
アプリをいったん閉じて、もう一度開いてください。

問題の記録はこのファイルに保存しました(インターネットには送っていません):
%1</source>
        <translation>Something unexpected went wrong. We are sorry.
Please close the app and open it again.

A record of the problem was saved in this file (nothing was sent over the internet):
%1</translation>
    </message>
    <message>
        <source>問題が起きました</source>
        <translation>Something went wrong</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>sagicheck について</source>
        <translation>About sagicheck</translation>
    </message>
    <message>
        <source>sagicheck バージョン %1

怪しいSMSやメールを貼り付けると、詐欺によくある特徴があるかを確かめます。
インターネットにはつながず、リンクを開いたり電話をかけたりもしません。
結果は目安です。迷ったときは、家族や相談窓口に相談してください。</source>
        <translation>sagicheck version %1

Paste a suspicious SMS or e-mail and it looks for signs often seen in scams.
It never connects to the internet, never opens links and never makes calls.
The result is a guide. When in doubt, talk to your family or a consultation line.</translation>
    </message>
    <message>
        <source>記録を消す</source>
        <translation>Delete the record</translation>
    </message>
    <message>
        <source>これまでの確認の記録をすべて消します。よろしいですか?</source>
        <translation>This deletes the record of all past checks. Go ahead?</translation>
    </message>
</context>
<context>
    <name>GuidanceMissingView</name>
    <message>
        <source>次にすることの案内を読み込めませんでした(アプリの中のファイルが壊れています)。案内の紙も作れません。
確認の結果はいつもどおり出ます。迷ったときは、お金を払ったり電話をかけたりする前に、家族や身近な人に相談してください。</source>
        <translation>The guide to what to do next could not be loaded (a file inside the app is damaged), so the sheet cannot be made either.
Checking works as usual. If you are unsure, talk to your family or someone close before you pay anything or make a call.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>これまでの確認</source>
        <translation>Past checks</translation>
    </message>
    <message>
        <source>これまでの確認の一覧</source>
        <translation>List of past checks</translation>
    </message>
    <message>
        <source>まだ記録はありません。</source>
        <translation>Nothing has been recorded yet.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>確認したいメッセージ(SMS・メール・電話番号)</source>
        <translation>Message to check (SMS, e-mail or phone number)</translation>
    </message>
    <message>
        <source>ここに怪しいメッセージを貼り付けてください。
「貼り付け」ボタンでも入れられます。</source>
        <translation>Paste the suspicious message here.
The &quot;Paste&quot; button puts it in too.</translation>
    </message>
    <message>
        <source>確認したいメッセージ</source>
        <translation>Message to check</translation>
    </message>
    <message>
        <source>気になる部分は、確認のあと色付きで示されます。</source>
        <translation>After the check, the worrying parts are marked in colour.</translation>
    </message>
    <message>
        <source>文字の大きさ</source>
        <translation>Text size</translation>
    </message>
    <message>
        <source>保存できませんでした</source>
        <translation>Could not save</translation>
    </message>
    <message>
        <source>1. メッセージを入れる</source>
        <translation>1. The message</translation>
    </message>
    <message>
        <source>2. 確認の結果</source>
        <translation>2. The result</translation>
    </message>
    <message>
        <source>3. これからすること</source>
        <translation>3. What to do now</translation>
    </message>
    <message>
        <source>読み取る画像を選ぶ</source>
        <translation>Choose the picture to read</translation>
    </message>
    <message>
        <source>画像 (%1)</source>
        <translation>Pictures (%1)</translation>
    </message>
    <message>
        <source>すべてのファイル (*)</source>
        <translation>All files (*)</translation>
    </message>
    <message>
        <source>画像の読み取り</source>
        <translation>Reading a picture</translation>
    </message>
    <message>
        <source>PDFを保存できませんでした。別の場所を選んでください。
%1</source>
        <translation>The PDF could not be saved. Please choose another place.
%1</translation>
    </message>
    <message>
        <source>PDFを保存しました: %1</source>
        <translation>PDF saved: %1</translation>
    </message>
    <message>
        <source>怪しいメッセージの確認</source>
        <translation>Check a suspicious message</translation>
    </message>
    <message>
        <source>貼り付け</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>コピーしたメッセージをこの欄に入れます</source>
        <translation>Puts the message you copied into this box</translation>
    </message>
    <message>
        <source>画像から読み取る</source>
        <translation>Read a picture</translation>
    </message>
    <message>
        <source>メッセージのスクリーンショット(画像)から文字を読み取って欄に入れます</source>
        <translation>Reads the text in a screenshot (picture) of the message and puts it in the box</translation>
    </message>
    <message>
        <source>消す</source>
        <translation>Clear</translation>
    </message>
    <message>
        <source>欄の文章を消します</source>
        <translation>Clears the text in the box</translation>
    </message>
    <message>
        <source>確認する</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>メッセージを確認します(Ctrl+Enter)</source>
        <translation>Checks the message (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>小さく</source>
        <translation>Smaller</translation>
    </message>
    <message>
        <source>文字を小さくします(Ctrl+-)</source>
        <translation>Makes the text smaller (Ctrl+-)</translation>
    </message>
    <message>
        <source>大きく</source>
        <translation>Larger</translation>
    </message>
    <message>
        <source>文字を大きくします(Ctrl+=)</source>
        <translation>Makes the text larger (Ctrl+=)</translation>
    </message>
    <message>
        <source>印刷する</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>電話のそばに置く案内の紙を印刷します(Ctrl+P)</source>
        <translation>Prints a guidance sheet to keep by the phone (Ctrl+P)</translation>
    </message>
    <message>
        <source>PDFに保存</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>案内の紙をPDFファイルに保存します(Ctrl+S)</source>
        <translation>Saves the guidance sheet as a PDF file (Ctrl+S)</translation>
    </message>
    <message>
        <source>次へ</source>
        <translation>Next</translation>
    </message>
    <message>
        <source>何があったかを答えて、これからすることを確かめます</source>
        <translation>Answer what happened and see what to do now</translation>
    </message>
    <message>
        <source>メッセージに戻る</source>
        <translation>Back to the message</translation>
    </message>
    <message>
        <source>確認したメッセージの画面に戻ります</source>
        <translation>Goes back to the message you checked</translation>
    </message>
    <message>
        <source>結果に戻る</source>
        <translation>Back to the result</translation>
    </message>
    <message>
        <source>確認の結果の画面に戻ります</source>
        <translation>Goes back to the result of the check</translation>
    </message>
    <message>
        <source>「次へ」を押すと、何があったかを聞いて、これからすることをご案内します。</source>
        <translation>Press “Next”: you will be asked what happened and shown what to do now.</translation>
    </message>
    <message>
        <source>確認しています…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>確認の結果</source>
        <translation>The result of the check</translation>
    </message>
    <message>
        <source>次にすることの案内</source>
        <translation>What to do next</translation>
    </message>
</context>
<context>
    <name>PasteNotice</name>
    <message>
        <source>コピーされた文章がないので、何も貼り付けませんでした。メッセージの文章をコピーしてから、もう一度お試しください。</source>
        <translation>There is no copied text, so nothing was pasted. Copy the message&apos;s text, then try again.</translation>
    </message>
    <message>
        <source>欄がいっぱいなので、貼り付けませんでした。欄の文章はそのままです。</source>
        <translation>The box is full, so nothing was pasted. The text in the box is as it was.</translation>
    </message>
    <message>
        <source>とても長い文章なので、最初の %1 文字だけを欄に入れました(全体は %2 文字)。このまま「確認する」を押せます。</source>
        <translation>The text is very long, so only the first %1 characters were put in the box (of %2). You can press Check as it is.</translation>
    </message>
</context>
<context>
    <name>PictureNotice</name>
    <message>
        <source>画像から読み取りました。間違いがないか画像と見比べてください。波線は自信のない文字です。</source>
        <translation>Read from the picture: compare it with the picture for mistakes. Wavy underlines mark unsure characters.</translation>
    </message>
    <message>
        <source>画像から読み取りました。間違いがないか画像と見比べてください。</source>
        <translation>Read from the picture: compare it with the picture for mistakes.</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>印刷する前に確かめる</source>
        <translation>Check before printing</translation>
    </message>
    <message>
        <source>印刷する</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>プリンターを選んで印刷します(Ctrl+P)</source>
        <translation>Choose a printer and print (Ctrl+P)</translation>
    </message>
    <message>
        <source>PDFに保存</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>印刷のかわりにPDFファイルに保存します</source>
        <translation>Save as a PDF file instead of printing</translation>
    </message>
    <message>
        <source>閉じる</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>印刷せずに閉じます</source>
        <translation>Close without printing</translation>
    </message>
    <message>
        <source>案内の紙をPDFで保存</source>
        <translation>Save the guidance sheet as PDF</translation>
    </message>
    <message>
        <source>PDFファイル (*.pdf)</source>
        <translation>PDF files (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ReadingBar</name>
    <message>
        <source>画像を読み取っています…</source>
        <translation>Reading the picture…</translation>
    </message>
    <message>
        <source>読み取りをやめる</source>
        <translation>Stop reading</translation>
    </message>
</context>
<context>
    <name>ReasonCard</name>
    <message>
        <source>同じ理由でほかにも:
%1</source>
        <translation>Also for the same reason:
%1</translation>
    </message>
</context>
<context>
    <name>StorageNotice</name>
    <message>
        <source>設定と確認の記録をしまうフォルダーが使えません。確認はいつもどおりできますが、設定と記録はアプリを閉じると消えます。
フォルダー: %1</source>
        <translation>The folder for your settings and past checks cannot be used. Checking works as usual, but settings and past checks will be gone when you close the app.
Folder: %1</translation>
    </message>
    <message>
        <source>設定のファイルが読めなかったので、はじめの設定で開きました。元のファイルは名前を変えて残してあります:
%1</source>
        <translation>The settings file could not be read, so the app opened with the standard settings. The old file was kept under a new name:
%1</translation>
    </message>
    <message>
        <source>確認の記録のファイルが読めなかったので、記録は空から始めます。元のファイルは名前を変えて残してあります:
%1</source>
        <translation>The file of past checks could not be read, so the list starts empty. The old file was kept under a new name:
%1</translation>
    </message>
    <message>
        <source>問題が起きたときの記録をしまう場所に別のものがあったので、名前を変えて残しました:
%1</source>
        <translation>Something else was where the app keeps its record of problems, so it was kept under a new name:
%1</translation>
    </message>
    <message>
        <source>設定のファイルを開けなかったので、はじめの設定で開きました。変えた設定は、アプリを閉じるまでの間だけ使われます。
ファイル: %1</source>
        <translation>The settings file could not be opened, so the app opened with the standard settings. Changes you make last only until you close the app.
File: %1</translation>
    </message>
    <message>
        <source>確認の記録のファイルを開けませんでした。今回の確認は、アプリを閉じるまでの間だけ覚えておきます。
ファイル: %1</source>
        <translation>The file of past checks could not be opened. This session&apos;s checks are remembered only until you close the app.
File: %1</translation>
    </message>
    <message>
        <source>設定を保存できませんでした(ディスクがいっぱいか、書き込めない場所です)。変えた設定は、アプリを閉じるまでの間だけ使われます。
ファイル: %1</source>
        <translation>Your settings could not be saved (the disk is full or the place cannot be written to). Changes last only until you close the app.
File: %1</translation>
    </message>
    <message>
        <source>確認の記録を保存できませんでした(ディスクがいっぱいか、書き込めない場所です)。記録は、アプリを閉じるまでの間だけ覚えておきます。
ファイル: %1</source>
        <translation>Past checks could not be saved (the disk is full or the place cannot be written to). They are remembered only until you close the app.
File: %1</translation>
    </message>
    <message>
        <source>問題が起きたときの記録を残せません。確認はいつもどおりできます。
ファイル: %1</source>
        <translation>The app cannot keep a record of problems. Checking works as usual.
File: %1</translation>
    </message>
    <message>
        <source>保存についてのお知らせ</source>
        <translation>About saving</translation>
    </message>
</context>
<context>
    <name>VerdictView</name>
    <message>
        <source>確認しています…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <source>メッセージを貼り付けて「確認する」を押してください。</source>
        <translation>Paste the message, then press &quot;Check&quot;.</translation>
    </message>
    <message>
        <source>とても長い文章なので、最初の %1 文字だけを確認しました(全体は %2 文字)。</source>
        <translation>The text is very long, so only the first %1 characters were checked (of %2).</translation>
    </message>
    <message>
        <source>文字ではないデータが %1 個まじっていたので、それを除いて確認しました。</source>
        <translation>The message had %1 characters that are not text; they were left out of the check.</translation>
    </message>
    <message>
        <source>特徴が見つからなくても、詐欺ではないとは言い切れません。心配なときは、メッセージのリンクや番号は使わず、公式のアプリや自分で調べた窓口で確かめるか、家族に相談してください。</source>
        <translation>Finding no signs does not prove the message is genuine. If you are still worried, do not use its links or numbers: check through the official app or a contact you looked up yourself, or talk it over with your family.</translation>
    </message>
    <message>
        <source>そう判断した理由</source>
        <translation>Why</translation>
    </message>
    <message>
        <source>気になる点は見つかりませんでした。</source>
        <translation>Nothing worrying was found.</translation>
    </message>
    <message>
        <source>メッセージにある電話番号(ここから電話はかかりません)</source>
        <translation>Phone numbers in the message (nothing here makes a call)</translation>
    </message>
    <message>
        <source>メッセージにあるリンク(押せない形で表示しています)</source>
        <translation>Links in the message (shown so that they cannot be opened)</translation>
    </message>
    <message>
        <source>その他の理由を閉じる</source>
        <translation>Hide the other reasons</translation>
    </message>
    <message>
        <source>その他の理由(あと%1件)を見る</source>
        <translation>Show the other reasons (%1 more)</translation>
    </message>
</context>
<context>
    <name>WalkthroughView</name>
    <message>
        <source>戻る</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>ひとつ前の質問に戻ります</source>
        <translation>Go back to the previous question</translation>
    </message>
    <message>
        <source>最初から</source>
        <translation>Start again</translation>
    </message>
    <message>
        <source>最初の質問からやり直します</source>
        <translation>Start again from the first question</translation>
    </message>
    <message>
        <source>次にすることの案内</source>
        <translation>What to do next</translation>
    </message>
    <message>
        <source>本物の書類のしるし</source>
        <translation>Signs of genuine papers</translation>
    </message>
    <message>
        <source>偽物のしるし(ひとつでもあれば偽物です)</source>
        <translation>Signs of a fake (any one of them means a fake)</translation>
    </message>
    <message>
        <source>どちらとも言えないしるし(裁判所に確かめてください)</source>
        <translation>Signs that prove nothing either way (check with the court)</translation>
    </message>
</context>
<context>
    <name>WindowActions</name>
    <message>
        <source>確認(&amp;C)</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>表示(&amp;V)</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>履歴(&amp;S)</source>
        <translation>Hi&amp;story</translation>
    </message>
    <message>
        <source>ヘルプ(&amp;H)</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>確認する</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>貼り付け</source>
        <translation>Paste</translation>
    </message>
    <message>
        <source>印刷する…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>PDFに保存…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>終了</source>
        <translation>Quit</translation>
    </message>
    <message>
        <source>文字を大きく</source>
        <translation>Larger text</translation>
    </message>
    <message>
        <source>文字を小さく</source>
        <translation>Smaller text</translation>
    </message>
    <message>
        <source>文字を標準の大きさに</source>
        <translation>Standard text size</translation>
    </message>
    <message>
        <source>見やすい配色(白黒はっきり)</source>
        <translation>High contrast</translation>
    </message>
    <message>
        <source>これまでの確認を見る…</source>
        <translation>Show past checks…</translation>
    </message>
    <message>
        <source>確認の記録を残す</source>
        <translation>Keep a record of checks</translation>
    </message>
    <message>
        <source>記録をすべて消す…</source>
        <translation>Delete the whole record…</translation>
    </message>
    <message>
        <source>このアプリについて</source>
        <translation>About this app</translation>
    </message>
</context>
<context>
    <name>Wording</name>
    <message>
        <source>危険</source>
        <translation>Danger</translation>
    </message>
    <message>
        <source>注意</source>
        <translation>Caution</translation>
    </message>
    <message>
        <source>特徴なし</source>
        <translation>No common signs</translation>
    </message>
    <message>
        <source>確認する文章が入っていません。メッセージを欄に貼り付けてから「確認する」を押してください。</source>
        <translation>There is no text to check. Paste the message into the box, then press &quot;Check&quot;.</translation>
    </message>
    <message>
        <source>文字ではないデータのようです。メッセージの文章だけを貼り付けてください。</source>
        <translation>This does not look like text. Paste only the words of the message.</translation>
    </message>
    <message>
        <source>確認を取り消しました。</source>
        <translation>The check was cancelled.</translation>
    </message>
    <message>
        <source>アプリのデータが壊れているため確認できません。アプリを入れ直してください。</source>
        <translation>The app&apos;s own data is damaged, so it cannot check. Please reinstall the app.</translation>
    </message>
    <message>
        <source>確認の途中で問題が起きました。もう一度「確認する」を押してください。</source>
        <translation>Something went wrong during the check. Please press &quot;Check&quot; again.</translation>
    </message>
    <message>
        <source>この種類のファイルは読み取れません。PNG・JPEG・BMP・WebP・GIF の画像(スクリーンショット)を選んでください。iPhone の写真(HEIC)や PDF は、スクリーンショットを撮り直すと読み取れます。</source>
        <translation>This kind of file cannot be read. Choose a PNG, JPEG, BMP, WebP or GIF picture (a screenshot). For an iPhone photo (HEIC) or a PDF, take a screenshot of it and read that.</translation>
    </message>
    <message>
        <source>画像ファイルが壊れているため、読み取れませんでした。欄の文章はそのままです。</source>
        <translation>The picture file is broken, so it could not be read. The text in the box is as it was.</translation>
    </message>
    <message>
        <source>画像ファイルを開けませんでした。ファイルがあるか確かめて、もう一度選んでください。</source>
        <translation>The picture file could not be opened. Make sure it is still there and choose it again.</translation>
    </message>
    <message>
        <source>画像が大きすぎるため読み取れません。スクリーンショットか、小さくした画像を選んでください。</source>
        <translation>The picture is too large to read. Choose a screenshot or a smaller copy of the picture.</translation>
    </message>
    <message>
        <source>画像の中にメッセージの文字が見つかりませんでした。メッセージが写っている画像を選んでください。</source>
        <translation>No message text was found in the picture. Choose a picture that shows the message.</translation>
    </message>
    <message>
        <source>画像から文字を読み取る部品が入っていないため、画像は読み取れません。部品は「pip install &quot;sagicheck[ocr]&quot;」で追加できます(家族の詳しい人に頼んでください)。それまでは、メッセージの文章をコピーして貼り付けてください。</source>
        <translation>Pictures cannot be read: the part that reads text from pictures is not installed. It can be added with “pip install &quot;sagicheck[ocr]&quot;” (ask someone in the family who knows computers). Until then, copy the message text and paste it.</translation>
    </message>
    <message>
        <source>画像の読み取りの途中で問題が起きました。もう一度お試しください。</source>
        <translation>Something went wrong while reading the picture. Please try again.</translation>
    </message>
    <message>
        <source>このアプリには、画像から文字を読み取る部品が入っていません。メッセージの文章をコピーして貼り付けてください。</source>
        <translation>This copy of the app cannot read text from pictures. Copy the message text and paste it.</translation>
    </message>
</context>
</TS>
