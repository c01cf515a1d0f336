"""Messages a family member might paste, written for these tests, and what they should see.

None of these texts is copied from a real message: each follows the *pattern* of a scam family
(a fee claim + a call-back number + a deadline, a block + a link, ...) or of an ordinary
message that happens to share words with scams. Each scam story names the sign that must be
among the reasons: a verdict is only as good as the *why* it gives. How often the detector is
right on real messages is measured by cross-validation (``python -m core eval --cv 5``), not here.
"""

from __future__ import annotations

import pytest

from core import Level, check

# Hard evidence: whatever else the message says, it is danger, for the reason named.
DANGER = [
    # a bill or fee to be paid with named gift cards: no company or office takes them
    ("iTunesカードでお支払いください。番号を写真で送ってください。", "GIFT_CARD_PAYMENT_ASKED"),
    # a threat to a kidnapped relative: no message from a real person says this
    ("We have your son here with us. Pay us tonight or you will not see him again, we will hurt him if you call anyone.",
     "HARM_THREAT"),
    # the billing call-back family: a fee claim and a number to call back
    ("未払いのご利用料金がございます。本日17時までに 03-5555-0142 お客様窓口へご連絡ください。", "CALLBACK_FOR_FEE"),
    ("お客様のご利用料金の精算が完了しておりません。至急 050-3000-1234 までお電話下さい。", "CALLBACK_FOR_FEE"),
    ("【料金センター】ご利用料金について確認事項がございます。0120-000-111まで折り返しご連絡をお願いします。", "CALLBACK_FOR_FEE"),
    ("ご利用料金のお支払い確認が取れておりません。本日中に03-5555-0199 お客様サポートセンターまでご連絡下さい。", "CALLBACK_FOR_FEE"),
    # an address made to look like a company's, with a reason to open it
    ("【ドコモ】ご利用料金が未払いのため、明日より回線を停止いたします。お支払いはこちら http://docomo-pay.top/", "DECEPTIVE_LINK"),
    ("【JCB】お客様のカードは一時的に利用停止となっています。以下のリンクから解除手続きを行ってください https://jcb-secure.xyz/", "DECEPTIVE_LINK"),
    ("ヤマト運輸です。お客様が不在のため荷物を持ち帰りました。再配達のご依頼はこちら https://yamato-redelivery.com/", "DECEPTIVE_LINK"),
    ("【NHK】受信料の未払いがあります。本日中にお支払い手続きをお願いします。https://nhk-jushinryo.com", "DECEPTIVE_LINK"),
    ("Your Amazon account has been locked. Verify your identity now: http://amzn-secure.top/", "DECEPTIVE_LINK"),
    # a number published as used in scams, pasted alone
    ("03-6271-7243", "NUMBER_KNOWN_SCAM"),
    # what a caller says, typed in by a family member: the whole pattern of a family
    ("県警の者です。あなた名義の口座が詐欺に使われています。資産を調べる必要があるので、預金を全額引き出してください。", "POLICE_ASSET_DEMAND"),
    ("捜査で押収した名簿にあなたの名前がありました。このままでは逮捕状が出ます。", "POLICE_CASE_CONTACT"),
    ("俺だけど、会社の小切手が入ったカバンを電車に置き忘れた。今日中に300万円用意できないかな", "RELATIVE_IN_TROUBLE_MONEY"),
    ("出金するには利益の20%を税金として先に納める必要があります。", "INVESTMENT_FEE_TRAP"),
    ("あなたのキャッシュカードが偽造されています。新しいカードと交換しますので暗証番号を教えてください。", "CARD_SWAP_TRICK"),
    ("市役所の保険課です。医療費の還付金があります。ATMに着いたらこの番号にお電話ください。", "ATM_PHONE_GUIDANCE"),
    ("共済組合の者です。保険料の払い戻しがあります。振込先の口座を教えてください。", "REFUND_ACCOUNT_ASKED"),
    ("警察です。あなたの口座が詐欺事件に使われています。預金はいくらありますか。", "POLICE_ASSET_DEMAND"),
    ("被疑者を捕まえており、お宅の通帳が押収品の中から出てきました。", "POLICE_CASE_CONTACT"),
    ("あなたのスマホから迷惑メールが大量に送られています。", "POLICE_CASE_CONTACT"),
    ("押収したキャッシュカードの中に、あなた名義のものが含まれていました。", "POLICE_CASE_CONTACT"),
    ("お宅の娘さんを預かっている。明日までに500万円用意しろ", "RELATIVE_IN_TROUBLE_MONEY"),
    ("還付金が3万円ほど残っています。お取引のある金融機関はどちらですか", "REFUND_ACCOUNT_ASKED"),
    # a threat to hurt someone close if the police are told: never in a real message
    ("娘さんを預かっている。警察に知らせたら命はないと思え", "HARM_THREAT"),
    # the ring's leader caught, and "your" account turned up: said the other way round
    ("マネーロンダリング事件の首謀者を逮捕したところ、あなたの口座が出てきました。", "POLICE_CASE_CONTACT"),
    # "police" who move the talk to LINE or a video call: the real police never do
    ("警視庁の捜査二課です。この電話はつないだままで、LINEで担当の刑事を追加してください。", "POLICE_OVER_SNS"),
    ("出頭できないのであれば、ビデオ通話で事情聴取を行います。", "POLICE_OVER_SNS"),
    # a refund "past its deadline" that can still be had today: the refund call's push
    ("介護保険料の払い戻しがあります。期限は過ぎていますが、今日中であれば手続きできます。", "REFUND_LATE_RESCUE"),
    # the refund call's second act: the victim is handed on to a fake bank clerk
    ("市役所保険年金課です。医療費の還付金があります。後ほど取引銀行から連絡させますので、手続きしてください", "REFUND_BANK_HANDOFF"),
    ("銀行協会の者です。ご自宅に担当の職員が伺いますので、封筒に暗証番号を書いた紙とキャッシュカードを入れておいてください。", "COLLECTION_BY_IMPOSTOR"),
    # the same families in English, judged by their patterns (the wording model reads Japanese)
    ("This is the police. Your bank account has been used in a crime. Do not tell anyone about this call, "
     "and transfer your savings to a safe account.", "POLICE_ASSET_DEMAND"),
    ("Hi Mum, I dropped my phone in the toilet, this is my new number. Can you send me some money? "
     "I'll pay you back tomorrow", "RELATIVE_IN_TROUBLE_MONEY"),
    ("Congratulations! You have won $1,000,000. Reply with your bank details to claim.", "CREDENTIAL_PHISHING"),
    # a recorded "Social Security" call: a number that cannot be suspended, and a key to press
    ("This is the Social Security Administration. Your Social Security number has been suspended "
     "due to suspicious activity. Press 1 to speak to an officer.", "ROBOCALL_THREAT"),
    # a "recording" of you and a bitcoin deadline: the sextortion form letter
    ("I recorded you through your webcam. Pay $1,500 in Bitcoin within 48 hours or I will send "
     "the video to all your contacts.", "SEXTORTION_DEMAND"),
    ("Your bank account has been frozen. Please confirm your card number and PIN to unlock it.", "PIN_REQUEST"),
    # a PIN asked for, even inside a sentence that names the scam it claims to investigate
    ("特殊詐欺の確認のため、キャッシュカードの暗証番号を教えてください。", "PIN_REQUEST"),
    # a company's alarm whose link is not the company's (a shortener, another address)
    ("【JCB】カードのご利用を一時停止しました。ご本人確認をお願いします https://bit.ly/3kQz9a", "BRAND_ALERT_LINK_ELSEWHERE"),
    ("【三井住友銀行】お客様の口座で不審な取引を確認しました。至急ご確認ください https://secure-check.example-login.com/smbc", "BRAND_ALERT_LINK_ELSEWHERE"),
]

# Scam patterns: at least caution, for the reason named (danger when the rest of it adds up).
FLAGGED = [
    # the paid-site trick: a celebrity's "manager", a secret from the agency, another site
    ("俳優の〇〇のマネージャーです。〇〇が悩んでいて、あなたに相談に乗ってほしいと言っています。事務所に内緒なので、こちらのサイトでやり取りしてください。", "PAID_SITE_LURE"),
    # goods "ordered long ago", cash on delivery, no cancelling: sent on nobody's order
    ("以前お電話でご注文いただいたカニが入荷しましたので、明日代金引換でお届けします。受注生産品のためキャンセルはできません。", "UNORDERED_GOODS"),
    # a boss by e-mail has a chat group set up: the start of a fake-president transfer
    ("社長です。業務上の都合により、新しいLINEグループを作成し、QRコードを私に送ってください。", "BOSS_GROUP_CHAT"),
    ("スマホで商品に高評価を付けるだけで、1件500円の報酬がもらえます。", "EASY_WORK"),
    # a son's trouble that "needs" money: the ore-ore call, weighed (a real son may say it too)
    ("会社の上司を殴ってけがをさせてしまった。示談金を工面しないといけない", "RELATIVE_TROUBLE_NEEDS_MONEY"),
    # a fortune from abroad sent to you as a parcel: the romance scam's turn to money
    ("シリアでの任務の報酬として受け取った300万ドルを、荷物にして日本に送ります。受け取ってほしい", "ROMANCE_MONEY"),
    # the fee call's newer story: "your phone is spreading a virus"
    ("お客様のスマホからウイルスが拡散され、被害者が出ています。至急ご連絡ください。", "MALWARE_WARNING"),
    # a "boss" who wants a group made and its code sent by e-mail, and joins it alone first
    ("お疲れ様です。LINEグループを作成してください。作成後、グループのQRコードをメールにて送付してください。", "BOSS_GROUP_CHAT"),
    # goods "ordered" by phone, with a "recording" to prove it
    ("先月お電話で注文いただいたサプリを代引きで送ります。注文の録音もあります。", "UNORDERED_GOODS"),
    # a friend's account asks for a vote: the next step is a code or a link
    ("友達の娘さんがダンスコンテストに出ています。投票してもらえませんか?", "VOTE_FOR_ME"),
    ("DM失礼します。ママ活に興味がある男性を探しています。", "SUGAR_DATING_OFFER"),
    # a side job that charges before it pays
    ("報酬を引き出すには、先に手数料のお振り込みが必要です。", "WITHDRAWAL_FEE"),
    # a buyer who calls about "anything you no longer need": the opening of a forced purchase
    ("突然のお電話失礼します。不用品の買取をしております。ご不要な服や靴はありませんか。何でも買い取ります。", "HOME_BUYING_PITCH"),
    ("有料サイトの利用料金が未納です。本日中にご連絡がない場合、法的手続きを開始します。", "LEGAL_PRESSURE"),
    ("動画配信サービスの延滞金が発生しています。連絡なき場合は少額訴訟に移行し給与を差し押さえます。", "LEGAL_PRESSURE"),
    ("【東京電力】電気料金のお支払いが確認できません。24時間以内にお手続きがない場合、送電を停止します。", "UNPAID_NOTICE"),
    ("【三菱UFJ銀行】お客様の口座で不審な取引を検知したため、お取引を一時停止しました。下記URLからご本人確認をお願いします。", "VERIFY_IN_COMPANY_NAME"),
    ("【楽天カード】第三者による不正利用の可能性があるため、カードのご利用を制限しております。至急ご確認ください。", "ACCOUNT_PHISHING"),
    ("[Amazon] お支払い方法に問題があるため、プライム会員資格を停止しました。情報を更新してください。", "UPDATE_IN_COMPANY_NAME"),
    ("メルカリ事務局です。規約違反が検出されたため、アカウントを制限しました。24時間以内に確認してください。", "ACCOUNT_PHISHING"),
    ("【佐川急便】お届け先の住所に不備があり配達できませんでした。住所の再入力をお願いします。", "DELIVERY_PHISHING"),
    ("郵便局です。お荷物の配達に伺いましたがご不在でした。こちらからご確認ください http://bit.ly/3xyz", "DELIVERY_PHISHING"),
    ("【国税庁】未納の税金があります。本日中にお支払いがない場合、財産を差し押さえます。https://nta-tax.icu/", "GOVERNMENT_LURE"),
    # a caller says an arrested culprit had the listener's account: the fake police's opening
    ("捕まえた犯人があなた名義の口座を50万円で買ったと言っています", "POLICE_CASE_CLAIM"),
    # "you were harmed" told to you is the caller's claim, not a bulletin's report of harm
    ("詐欺の犯人を逮捕したところ、あなたの口座も被害に遭っていたことがわかりました", "POLICE_CASE_CLAIM"),
    # a fake invoice: a renewal nobody ordered, "call us to cancel"
    ("ノートンの年間プランが自動更新されました。キャンセルをご希望の場合は、サポートセンターまでお電話ください。", "RENEWAL_CALL_TO_CANCEL"),
    ("Your Geek Squad membership has been auto-renewed for $299.99. To cancel and get a refund, call our billing desk.", "RENEWAL_CALL_TO_CANCEL"),
    ("Amazon: A purchase of $899.99 was made on your account. If you did not authorise this, call 1-888-555-0199.", "RENEWAL_CALL_TO_CANCEL"),
    ("IRS notice: a warrant will be issued for your arrest unless you call us back today.", "LEGAL_THREAT"),
    ("Your toll account has an outstanding balance. Pay now to avoid additional fees.", "UNPAID_CHARGE"),
    # a refund in a foreign tax office's name, and a button to claim it
    ("IRS: You are due a tax refund of $842. Click to claim your refund.", "PRIZE_BAIT"),
    ("【総務省】マイナポイントの付与が保留になっています。以下のリンクから手続きを完了してください。", "GOVERNMENT_LURE"),
    ("法務省管轄支局 民事訴訟管理センターです。あなたに対する訴訟が提起されました。取り下げのご相談は至急ご連絡ください。", "LEGAL_PRESSURE"),
    ("警視庁の者です。あなたの口座が詐欺グループに悪用されています。資産保全のため指定口座へお振込みください。", "POLICE_MONEY"),
    ("未納料金の支払いはコンビニで電子マネーを購入し、カード裏面の番号をお知らせください。本日中にお願いします。", "PAYMENT_DEMAND"),
    ("スマホ変えたからこっちがの番号ね。ラインの認証コード届いたら教えて", "CODE_FORWARD_REQUEST"),
    ("友達の確認が必要だから、今届いたSMSの認証コードを送ってくれる?", "CODE_FORWARD_REQUEST"),
    ("おめでとうございます!あなたは1000万円の当選者に選ばれました。受取手続きはこちらのURLから。", "PRIZE_BAIT"),
    ("保有ポイント5,000ptがまもなく失効します。本日中に下記リンクよりお手続きください。", "PRIZE_BAIT"),
    ("スマホで写真を送るだけ!日給3万円以上の簡単なお仕事です", "EASY_MONEY_OFFER"),
    ("警告:お使いのiPhoneがウイルスに感染しています。今すぐ下記サポートへお電話ください 050-1111-2222", "TECH_SUPPORT_SCAM"),
    ("ETC利用照会サービス:ETCサービスは無効になりました。引き続きご利用いただくには、下記リンクから更新してください。", "ACCOUNT_RESTRICTED"),
    ("Apple IDが一時的にロックされています。解除するには以下から本人確認してください。", "ACCOUNT_PHISHING"),
    ("Netflix:お支払い方法に問題があるため、アカウントを保留にしています。", "PAYMENT_FAILED"),
    ("【ゆうちょ銀行】お客様の口座で不正な送金が確認されました。至急ご確認ください", "SUSPICIOUS_ACTIVITY"),
    ("税務署です。還付金があります。ATMで手続きしてください", "ATM_REFUND_TRICK"),
    ("息子です。携帯が壊れて番号が変わった。今日中にお金が必要なんだ", "FAMILY_MONEY_REQUEST"),
    ("お客様のiCloudストレージが満杯です。今すぐアップグレードして写真を保護してください", "STORAGE_FULL"),
    ("高収入!スマホで簡単な作業、日給2万円以上", "EASY_MONEY_OFFER"),
    ("【当選】最新スマホが当選しました!送料500円のみお支払いください", "PRIZE_BAIT"),
    ("ご登録のクレジットカードが無効になりました。更新してください", "ACCOUNT_RESTRICTED"),
    # what a caller says, typed in by a family member
    ("喉にポリープができて声が変なんだ。会社の書類をなくして、今日中にどうにかしないといけない", "RELATIVE_TROUBLE_STORY"),
    ("警察です。あなたの携帯電話が詐欺事件に使われています。このことは家族にも言わないでください。", "POLICE_CALLER"),
    ("こちらは総務省です。2時間後にお使いの電話が使えなくなります。詳しくは1番を押してください。", "AUTOMATED_CUTOFF_CALL"),
    ("市役所の保険年金課です。医療費の還付金があります。今日が期限なので、お近くのATMへ行ってください。", "ATM_REFUND_TRICK"),
    ("銀行協会の者です。キャッシュカードが不正に使われています。新しいカードと交換するので、ご自宅に伺います。", "COLLECTION_BY_IMPOSTOR"),
    # a single alarming claim
    ("お客様のお荷物をお預かりしております。", "DELIVERY_PROBLEM"),
    ("【Apple】Apple IDの再認証をお願いします。", "VERIFY_REQUEST"),
    ("あなたの口座が犯罪に利用されている可能性があります", "POLICE_PRETEXT"),
    ("貴殿に対する訴状が提出されました", "LEGAL_THREAT"),
    ("あなたのパソコンはウイルスに感染しています", "MALWARE_WARNING"),
    ("+1 202 555 0143", "UNKNOWN_INTERNATIONAL_NUMBER"),
    # what the caller or the hijacked account asks for, in the plain words people use
    ("今日中に振り込んで。銀行が閉まる前にお願い", "TRANSFER_REQUEST"),
    ("コンビニでWeb Moneyを3万円分買ってきてほしい", "PAYMENT_BY_VOUCHER"),
    ("スマホに6桁の番号が届いたら、そのまま送って", "CREDENTIAL_REQUEST"),
    ("現金は紙袋に入れて、うちの部下に渡してください", "COLLECTS_IN_PERSON"),
    ("これから銀行の職員を伺わせますので、カードを準備しておいてください", "COLLECTS_IN_PERSON"),
    ("駅のロータリーまで現金200万円を持って来てほしい", "COLLECTS_IN_PERSON"),
    ("ボクだけど、声でわかる?", "RELATIVE_OPENER"),
    # English lures, judged by their patterns alone
    ("Your mailbox quota has exceeded the storage limit. Click here to upgrade your mailbox within 24 hours.",
     "ACCOUNT_PHISHING"),
    ("I recorded you through your webcam while you visited those sites. Send $1,500 in bitcoin to my wallet "
     "within 48 hours or the video goes to all your contacts.", "BLACKMAIL_THREAT"),
    # telling the victim what to say at the bank, so that nobody there stops the payment
    ("銀行で何に使うのか聞かれたら、リフォーム代と言ってね。本当のことは言わないで", "COVER_STORY"),
    # "don't be fooled by the bank staff" is the caller's line: it does not make the call a warning
    ("窓口で止められても、銀行の職員にだまされないで振り込んでね", "COVER_STORY"),
    # a council's name does not vouch for a caller who says money is owed back to you
    ("区役所の保険課です。介護保険料の払いすぎがあり、お金が戻ります。", "REFUND_OWED"),
    # a bill for a paid site nobody used, with court if unpaid
    ("動画サイトの未納料金と違約金が残っています。支払わない場合は裁判となります", "PAID_SITE_FEE"),
    # a place in a care home to hand over, then a name "lent" that must be settled with money
    ("町内にできる老人ホームの入居権があなたに当たっています。入居しないなら権利を譲ってください", "CARE_HOME_PLACE"),
    # a boss by e-mail has a LINE group made for work and its code sent back
    ("お疲れ様です。業務の都合で、個別のLINEグループを作成してほしい。できたらQRコードを返信して", "BOSS_GROUP_CHAT"),
    # a caller who says the reader is about to be arrested unless money is paid today
    ("今日中に手続きをすれば、逮捕されずに済みますよ", "POLICE_CASE_CLAIM"),
    # a plain-clothes officer "watching" the bank, so that the cash goes to the caller instead
    ("私服の捜査員が銀行の前で見張っていますので、下ろしたお金は私たちに預けてください", "POLICE_PRETEXT"),
    # push-buying at the door: unwanted clothes or shoes first, then the jewellery
    ("着なくなった洋服や使わない靴はありませんか?1点からでも伺います", "HOME_BUYING_PITCH"),
    # an inspection seller who finds damp or termites under the floor
    ("点検したら床下がかなり湿気ています。このままだと土台が傷みますよ", "INSPECTION_PRETEXT"),
    # English calls and texts of the same families, in their own patterns
    ("Hi Grandma, it's me. I was in a car accident and the police arrested me. I need $3,000 for bail today.",
     "FAMILY_TROUBLE"),
    ("This is the support desk calling from Microsoft. We detected a virus on your computer.", "MALWARE_WARNING"),
    ("Your parcel is on hold: a $1.95 redelivery fee is due. Pay now to release it.", "DELIVERY_PROBLEM"),
    ("Hello, your bank account has been used to commit a crime. An officer will contact you.", "POLICE_PRETEXT"),
]

# Everyday messages between people: no signs, whatever words they share with scams.
EVERYDAY = [
    "おばあちゃんの老人ホームの入居が決まったよ。来月お引っ越しだって",
    # a fake text retold in English, its words in single quotes (an apostrophe in "couldn't" is not one)
    "Mum got one of those fake parcel texts again, the 'we couldn't deliver your parcel' one. Told her to delete it.",
    # a gift card as a present, shares that went up, a drama: words scams use, said of ordinary things
    "先生の退職祝い、みんなでギフトカード贈ろうよ。1人500円ね",
    "持ってる株、今日ちょっと上がったよ。配当でケーキ買おうかな",
    "ドラマの不倫の話、やばいね",
    "駅に着いたよ。改札の前で待ってるね",
    "明日の病院、10時の予約だから9時半に迎えに行くね",
    "荷物届いてたから玄関に置いておいたよ",
    "不在票が入ってたから、再配達頼んでおいたよ",
    "電話もらってたみたいだけど、何だった?あとでかけ直すね",
    "お母さん、スマホの料金プラン見直したら安くなったよ",
    "年末はみんなで集まろう。おせちは予約しておいた",
    "See you at the station at six.",
    "Happy birthday, Grandpa! Call me when you get this.",
    # a real accident or a fine told to family, and no money asked for
    "Had a little accident in the car park this morning, just a scratch on the bumper. I'm fine!",
    "My old phone finally died, so I've got a new one. Same number though.",
    "Don't tell anyone, but we're planning a surprise party for Dad!",
    "I won $20 at bingo tonight! Dinner is on me.",
    "Mum, I sent the money for the concert tickets. Thanks for lending it last week.",
    "お母さん、携帯の機種変更したよ。番号は同じだから安心してね",
    "押し入れの着なくなった服、リサイクルショップに持って行こうか",
    "床下点検の業者さん、管理組合が頼んだ人だから明日来るって",
    "ありがとう",
    "了解です!",
    # talking about a scam message that came: the quoted words are not the message's own
    "ねえ、「お荷物を持ち帰りました」ってSMS来たんだけど、そっちにも来た?何も頼んでないのに",
    "叔母さんのLINEから「コンビニでカード買ってきて」って来た。乗っ取られてるっぽいから無視してね",
    # family troubles and money between relatives, in their own words
    "風邪ひいて声ガラガラだから、今日の電話はやめておくね",
    "スマホ落として画面割れちゃった。修理に出すから明日まで連絡つかないかも",
    "来月の旅行代、3万円ずつ集めるね。週末までにお願い",
    "銀行で聞かれたら、息子に頼まれたと正直に言ってね",
    "旅行代、振り込んでおいたよ。確認してね",
    "お金はお母さんに預けておくね",
    "「逮捕状が出ている」って電話が来たらしいよ。おばあちゃんにも気をつけるよう言っておいて",
    "友達に誘われた投資の話、出金するには手数料がいるって言われたんだけど怪しいよね?",
]

# A relative's own message worded like a scam call or what its victim does next (a voice
# changed by a cold and money needed by a date; all the savings taken out and moved to another
# bank, as fake police tell people to). The words alone cannot tell the two apart: caution, so
# that the reader checks with the relative on the number they already know, never danger.
LIKE_AN_OPENER = [
    "風邪ひいて声が変なんだ。明日までに病院代払わないと",
    "銀行で定期を全額引き出して、別の銀行に移したよ",
    # a real hospital's call about a relative, and family passing on a relative's trouble
    "〇〇病院です。息子さんが交通事故で救急搬送されました。至急お電話ください。",
    "息子の会社の書類をなくしたらしい。クビになるって落ち込んでた。電話してあげて",
]

# Police and council warnings that quote scam wording and ask nothing of the reader.
WARNINGS = [
    "ギフトカードで料金を支払うよう求める電話やメールは詐欺です。カードの番号を教えてはいけません。",
    "「息子さんを預かった。警察に知らせたら命はない」という電話が市内で相次いでいます。不審な電話はすぐに110番してください。",
    "Beware of scam texts pretending to be from your bank. Do not click links and never share your PIN.",
    # warnings to the young about crime-for-hire jobs speak to "you" and name the lures
    "闇バイトに応募すると、あなたは犯罪に加担することになります。",
    "SNSで「高額報酬」「即日即金」とうたう求人は闇バイトです。応募すると犯罪者になってしまいます。",
    # a warning that retells the caller's cover story without the word 詐欺
    "犯人は「銀行の人には言わないで」と口止めします。そんな電話はすぐに切って、警察に相談してください。",
    "【〇〇警察署】市内で警察官を名乗る不審な電話が相次いでいます。電話でお金の話が出たら詐欺です。一人で判断せず家族や警察に相談してください。",
    "【〇〇市消費生活センター】「未納料金がある」「本日中に連絡を」というSMSに注意!電話をかけず、188に相談してください。",
    "警察官をかたる電話が市内で多発しています。警察官がキャッシュカードを預かることはありません。不審な電話があったら〇〇警察署(0123-45-0110)へ。",
    "【〇〇県警】市役所職員を名乗り「医療費の還付金がある」とATMへ誘導する電話が相次いでいます。ATMで還付金は受け取れません。",
    "【防犯メール】「あなたの口座が犯罪に使われている」と警察官を名乗る電話が確認されています。電話を切って110番してください。",
    "Amazonを名乗り「未払い料金がある。本日中に連絡しないと訴訟」というSMSが届いたとの相談が増えています。連絡せず、消費生活センター(188)に相談してください。",
    "【〇〇銀行】当行を装ったフィッシングメールにご注意ください。当行がメールでパスワードの入力をお願いすることはありません。",
    "【〇〇警察署】息子を名乗り「会社の小切手をなくした。今日中に300万円用意できないか」という電話が相次いでいます。電話でお金の話が出たら詐欺です。",
    "出金するには税金が必要と言われたら、それはSNS型投資詐欺です。お金を払わず、警察に相談してください。",
    "警察官を名乗る男が、被疑者を捕まえたところお宅の通帳が押収品の中から見つかったと話す電話が相次いでいます。電話を切って110番してください。",
    "還付金があるのでキャッシュカードと携帯電話を持って銀行へ行くよう求める電話に注意してください。市役所がATMでの手続きを求めることはありません。",
    "警察官を名乗り、暗証番号を教えてくださいと言う電話に注意してください。警察が暗証番号を聞くことはありません。",
    # a bulletin that reports harm and then speaks to "you" only in its advice
    "市内で警察官を名乗る詐欺の被害に遭う方が相次いでいます。あなたも電話でお金の話が出たら、すぐに切って家族に相談してください。",
]

# Genuine notices from companies and offices: they may be caution (check in the official app
# or with the number you know), never danger.
NOTICES = [
    # a real officer's voicemail introduces itself and asks for a call, as the fake police begin too:
    # caution at most, and the reason says to call the station on a number looked up
    "△△警察署交通課の佐藤と申します。先日の事故の件で、お手数ですが折り返しご連絡ください。",
    # a visit that does happen and one that never does, in one sentence
    "上下水道局では、検針でお客様のお宅に伺うことはありますが、家の中に入って点検や修理をすることはありません。",
    # what a company never asks, said with the very words of the request
    "お客様、Amazonギフト券の番号を教えてくださいと求めることはありません。",
    "ご注文の商品を代金引換にて本日発送いたしました。お届けまで今しばらくお待ちください。",
    "【〇〇警察署】先日市内で発生したひったくり事件の犯人を逮捕しました。情報提供へのご協力ありがとうございました。",
    "〇〇警察署です。盗まれた自転車が見つかりました。お手数ですが折り返しお電話ください。",
    "〇〇市役所保険年金課の田中と申します。高額療養費の払い戻しがありますので、申請書をお送りしました。ご記入のうえ返送してください。",
    "【〇〇市】市民税の納付書を発送しました。納期限は今月末です。詳しくは市ホームページをご覧ください。",
    "〇〇市役所税務課です。お伝えしたいことがありますので、平日8時30分から17時15分の間にお電話ください。",
    "【〇〇市防災】大雨警報が発表されました。土砂災害の危険がある地域の方は、直ちに避難してください。",
    "123456 がログイン用の確認コードです。このコードは誰にも教えないでください。",
    "Your verification code is 482913. Do not share this code with anyone.",
    "【〇〇歯科】明日14時のご予約のお知らせです。変更の際はお電話ください。",
    "図書館です。ご予約の本が用意できました。1週間以内にお受け取りください。",
    "【〇〇小学校】本日は台風のため臨時休校とします。",
    "〇〇放送です。受信契約の住所変更手続きが完了しました。",
    "【エポスカード】ご本人様のご利用か確認させていただきたいお取引がございます。お心当たりのない場合は0120-060-101までご連絡ください。",
    "【〇〇市水道局】水道料金の口座振替ができませんでした。納付書を送付しますので、お近くの金融機関でお支払いください。",
    # a council saying what it never does: the cash-machine refund it names is not asked for
    "市税の還付金は書類をお送りし、ご指定の口座に振り込みます。電話でATMの操作をお願いすることは絶対にありません。",
    "【〇〇町役場】国民健康保険税の納期限が過ぎています。納付をお願いします。お問い合わせ:税務課 0123-45-6789",
    "【〇〇電力】11月分の電気料金は6,543円です。引き落とし日は12月26日です。",
    "【緊急速報】〇〇川が氾濫危険水位に達しました。直ちに命を守る行動をとってください。",
    "[Apple] 新しいデバイスでApple IDにサインインしました。心当たりがない場合はパスワードを変更してください。",
    "【〇〇銀行】ATMの一時停止のお知らせ:システムメンテナンスのため、12/3 0時から6時までATMがご利用いただけません。",
    "【日本郵便】郵便物のお届け予定をお知らせします。お届け予定日:12月3日",
    "【ヤマト運輸】お届け遅延のお詫び:悪天候のため、お荷物のお届けが遅れております。",
    "【ヤマト運輸】お荷物のお届け予定日時をお知らせします。伝票番号:1234-5678-9012 詳しくは https://www.kuronekoyamato.co.jp/",
    "【楽天カード】カード利用のお知らせ:12/1 ご利用額 3,000円 詳細 https://r10.to/hAbCdE",
    "【〇〇Pay】カードのご請求額が確定しました。確定額 12,345円 詳細はアプリでご確認ください",
    "ご利用ありがとうございます。〇〇ポイント100円相当が付与されました",
    "Googleアカウントに新しいデバイスからのログインがありました。心当たりがない場合はアカウントを確認してください。",
    "【〇〇モバイル】ご利用料金のお支払いが確認できません。お支払い期限を過ぎていますので、お早めにお支払いください。詳しくはマイページでご確認ください。",
    "【〇〇カード】ご本人の利用であるか確認がとれるまでカードの利用を制限しています。本通知については〇〇カード公式HP「セキュリティについて」をご覧ください。",
    # card companies do block cards and ask you to call them, on their own published numbers
    "【楽天カード】ご本人様確認のため、カードのご利用を一時的に制限しております。楽天カードコンタクトセンター(0570-66-6910)までご連絡ください",
    "【エポスカード】不正利用の可能性があるお取引を検知したため、カードのご利用を一時停止しました。0120-060-101までご連絡ください",
    # a council's refund letter and a bank's card renewal: money owed, a new card, nothing odd asked
    "【〇〇市】還付金のお知らせ:国民健康保険料の払いすぎがありました。同封の請求書に口座を記入して返送してください",
    "【〇〇銀行】古いキャッシュカードは新しいカードに切り替わります。届いたカードの暗証番号は以前と同じです。古いカードはハサミを入れて破棄してください",
    "【〇〇携帯】ご契約の更新月です。更新月以外に解約すると違約金が発生します。お手続きはマイページから",
    # notices and appeals from the police and offices that share words with fake police and refund calls
    "【〇〇警察署】昨日、〇〇町で強盗事件が発生しました。目撃情報の提供など、捜査へのご協力をお願いします。",
    "〇〇警察署です。被害に遭われた方は、最寄りの警察署に被害届を出してください",
    "市民アンケート調査へのご協力をお願いします。回答は下記URLから",
    "【〇〇市】先日お送りした書類のご返送がまだ届いておりません。お手数ですが期限までにご返送ください",
    "【〇〇銀行】口座を解約する場合は、残高を全額引き出してからお手続きください",
    "【〇〇証券】出金には所定の手数料がかかります。詳しくはWebサイトをご覧ください",
    "【〇〇カード】カードの不正利用を検知したため、カードを交換します。新しいカードは1週間ほどで届きます",
    # a council chasing an unpaid local tax, from a landline, without threats
    "【〇〇町】町税の納付が確認できておりません。行き違いの場合はご容赦ください。お問い合わせは〇〇町税務課 0123-45-6789 まで。",
    "〇〇市収納課です。国民健康保険料の納付が確認できていません。お早めに納付書でお支払いください。",
    # a carrier reminder that gives only its own official number
    "【au】4月分のご利用料金のお支払いが確認できておりません。行き違いの際はご容赦ください。お問い合わせは157へ。",
    "【ヤマト運輸】本日お荷物をお届け予定です。ご不在の場合は不在連絡票を投函します。",
    # a company warning that mail spoofing its own domain carries malware: no alert about your device
    "マルウェア「Emotet」の被害が広がっています。当社のドメイン(example.co.jp)を装ったなりすましメールが確認されました。請求書などを装い、添付ファイルを開かせるのが特徴です。",
    # a statistics survey whose staff must keep the answers secret
    "家計調査へのご回答をお願いします。調査員には守秘義務があり、調査で知った内容を外に漏らすことはありませんので、安心してご回答ください。",
    # a company apologising for a breach of its own systems: the leak is its own, not a claim about you
    "【重要】不正アクセスによるお客様情報流出のお詫び。このたび、弊社サーバーが第三者による不正アクセスを受け、お客様の個人情報が流出した可能性があることが判明しました。パスワードの変更をお願いいたします。",
    "当店のオンラインショップにおいて、クレジットカード情報が漏えいした可能性があることが判明いたしました。ご迷惑とご心配をおかけしましたことを深くお詫び申し上げます。",
]


def _why(verdict) -> list[tuple[str, float]]:
    return [(r.id, r.score) for r in verdict.reasons]


@pytest.mark.parametrize(("text", "reason"), DANGER)
def test_hard_evidence_is_danger_and_says_why(text, reason):
    verdict = check(text)
    assert verdict.level == Level.DANGER, _why(verdict)
    assert reason in {r.id for r in verdict.reasons}, _why(verdict)


@pytest.mark.parametrize(("text", "reason"), FLAGGED)
def test_scam_patterns_are_flagged_for_the_sign_that_makes_them(text, reason):
    verdict = check(text)
    assert verdict.level in (Level.CAUTION, Level.DANGER), _why(verdict)
    assert reason in {r.id for r in verdict.reasons}, _why(verdict)


@pytest.mark.parametrize("text", EVERYDAY)
def test_everyday_messages_show_no_signs(text):
    verdict = check(text)
    assert verdict.level == Level.NO_SIGNS, _why(verdict)


@pytest.mark.parametrize("text", LIKE_AN_OPENER)
def test_a_relatives_message_worded_like_a_scam_call_is_at_most_caution_and_says_why(text):
    verdict = check(text)
    assert verdict.level != Level.DANGER, _why(verdict)
    if verdict.level == Level.CAUTION:  # and then the reader sees which words made it so
        assert any(r.score > 0 and r.spans for r in verdict.reasons), _why(verdict)


@pytest.mark.parametrize("text", WARNINGS)
def test_warnings_that_quote_scams_show_no_signs(text):
    verdict = check(text)
    assert verdict.level == Level.NO_SIGNS, _why(verdict)


@pytest.mark.parametrize("text", NOTICES)
def test_genuine_notices_are_never_danger(text):
    verdict = check(text)
    assert verdict.level != Level.DANGER, _why(verdict)


def test_a_login_alert_that_only_advises_a_password_change_is_not_flagged():
    verdict = check("【〇〇Pay】新しい端末からログインがありました。心当たりのない場合はパスワードを変更してください。")
    assert verdict.level == Level.NO_SIGNS, _why(verdict)


def test_a_sign_in_code_sms_in_japanese_is_not_flagged():
    verdict = check("認証番号は482913です。この番号を他人に教えないでください。")
    assert verdict.level == Level.NO_SIGNS, _why(verdict)


def test_reasons_say_whether_they_warn_or_reassure():
    kinds = {r.id: r.kind.value for r in check("【〇〇警察署】「未納料金がある」というSMSに注意!電話をかけず188に相談してください。").reasons}
    assert kinds["SCAM_WARNING"] == "reassuring"
    assert kinds["QUOTED_SCAM_WORDS"] == "info"  # the quoted claim is shown, and not counted
    assert "UNPAID_CHARGE" not in kinds
    assert check("03-1234-5678").reasons[0].kind.value == "info"


# Every story, for the tests that run the checker over many kinds of text.
STORY_TEXTS = [t for t, _ in DANGER] + [t for t, _ in FLAGGED] + EVERYDAY + WARNINGS + NOTICES


def test_a_warning_that_retells_a_police_impostor_call_gets_no_floor_from_it():
    """Said in reported speech ("…などと電話をかけてくる"), without quotation marks, the pattern
    is the warning's account, not its own voice: its danger floor does not count there."""
    from core.check import analyse, floor_of, _loaded_engine

    text = ("警察官を名乗る男が、あなたの口座が犯罪に使われているので資産を調べる必要があるなどと"
            "電話をかけてくる詐欺が多発しています。")
    analysis = analyse(text)
    assert "POLICE_ASSET_DEMAND" in analysis.fired
    assert floor_of(_loaded_engine(), analysis) is not Level.DANGER


@pytest.mark.parametrize("text", [
    "結婚式の費用、300万円用意しないといけないんだ。大変だよ",
    "住宅ローンの頭金、500万円準備できそう",
])
def test_a_large_sum_told_about_rather_than_asked_for_is_not_danger(text):
    """A sum a relative says they must find is not a sum asked of the reader: no floor."""
    verdict = check(text)
    assert verdict.level is not Level.DANGER
    assert "RELATIVE_IN_TROUBLE_MONEY" not in {r.id for r in verdict.reasons}


def test_a_prize_of_gift_cards_behind_a_link_is_a_prize_bait_not_a_demand_to_pay_in_them():
    verdict = check("【当選】おめでとうございます!10万円分のギフト券が当たりました。こちらから受け取り http://gift-present.top/")
    ids = {r.id for r in verdict.reasons}
    assert verdict.level is Level.DANGER
    assert "PRIZE_BAIT" in ids and "PAYMENT_DEMAND" not in ids
    # the prize asked to be paid for in gift cards is the demand
    bought = check("4億円が当選しました。受け取るには手数料として電子マネーを買って番号を送ってください")
    assert "PAYMENT_DEMAND" in {r.id for r in bought.reasons}


def test_a_friend_asking_to_borrow_money_is_not_read_as_a_story_built_to_get_money():
    """'Lend me money' alone is a friend's ask too; a fee the story needs (treatment, a flight,
    customs) is what the online-romance requests add to it."""
    plain = check("申し訳ない、今月厳しくて、またお金を貸してほしい")
    assert plain.level is not Level.DANGER
    assert "ROMANCE_MONEY" not in {r.id for r in plain.reasons}
    story = check("治療費が足りないの。あなたしか頼れない。助けてほしい")
    assert "ROMANCE_MONEY" in {r.id for r in story.reasons}


def test_a_threat_that_names_the_police_is_not_read_as_a_caller_posing_as_the_police():
    verdict = check("娘さんを預かっている。警察に知らせたら命はないと思え。明日までに300万円用意しろ")
    ids = [r.id for r in verdict.reasons]
    assert verdict.level is Level.DANGER
    assert "HARM_THREAT" in ids and "RELATIVE_IN_TROUBLE_MONEY" in ids
    assert not {"POLICE_ASSET_DEMAND", "POLICE_MONEY"} & set(ids)


def test_a_message_whose_listed_signs_were_outweighed_does_not_claim_no_signs_were_found():
    verdict = check("至急!鍵忘れたから開けて")
    assert verdict.level == Level.NO_SIGNS
    listed = [r.id for r in verdict.reasons if r.score > 0]
    assert listed, _why(verdict)  # a sign is shown (the urgency) ...
    assert "見つかりませんでした" in verdict.headline.ja and "気になる" in verdict.headline.ja  # ... and named
    assert check("駅に着いたよ").headline.ja == "詐欺によくある特徴は見つかりませんでした"


def test_a_phishing_text_that_copies_the_banks_warning_banner_is_judged_on_its_request():
    text = "フィッシング詐欺にご注意ください。お客様のアカウントは一時停止中です。本人確認をお願いします。"
    verdict = check(text)
    ids = [r.id for r in verdict.reasons]
    assert "SCAM_WARNING" not in ids and "ACCOUNT_PHISHING" in ids, _why(verdict)
    assert verdict.level != Level.NO_SIGNS, _why(verdict)


def test_a_caller_who_names_the_council_and_asks_about_cash_at_home_is_not_reassured():
    """A council's name reassures a tax or insurance notice, not a caller who asks whether you
    live alone and how much cash you keep: those are the questions of a call scoping a home."""
    verdict = check("区役所の者です。お一人暮らしですか。ご自宅に現金は置いてありますか")
    ids = {r.id for r in verdict.reasons}
    assert {"ASSET_QUESTIONS", "HOUSEHOLD_QUESTIONS"} <= ids and "LOCAL_OFFICE_NOTICE" not in ids, _why(verdict)
    assert verdict.level is not Level.NO_SIGNS
    # the council's real refund notice, which asks for the account on a form sent back by post
    notice = check("市民税課です。還付金の振込先口座を同封の請求書にご記入のうえ、ご返送ください。")
    assert "LOCAL_OFFICE_NOTICE" in {r.id for r in notice.reasons}
    assert notice.level is Level.NO_SIGNS, _why(notice)


def test_a_call_from_a_grandson_in_trouble_names_its_patterns_before_the_wording():
    """The wording adds many points, but what a reader can check and tell the family is the
    named pattern: the reasons start with it, and the wording comes after every one of them."""
    verdict = check("もしもし、おばあちゃん?ボクだけど。会社のお金をなくしちゃって、今日中に200万円いるんだ。"
                    "銀行で何に使うのか聞かれたら、リフォーム代って言ってね。")
    assert verdict.level == Level.DANGER, _why(verdict)
    warnings = [r.id for r in verdict.reasons if r.kind.value == "warning"]
    assert warnings[0] != "SCAM_WORDING" and warnings[-1] == "SCAM_WORDING", _why(verdict)
    assert {"COVER_STORY", "RELATIVE_OPENER"} <= set(warnings), _why(verdict)


def test_an_english_message_is_judged_by_its_patterns_not_by_the_japanese_wording_model():
    """The model learned from Japanese messages and a few dozen English ones: on English it
    would call any scam ordinary. Its lean counts only for the letters that are not Latin."""
    english = check("Your account will be limited. Please confirm your information within 24 hours.")
    assert not {"SCAM_WORDING", "ORDINARY_WORDING"} & {r.id for r in english.reasons}, _why(english)
    assert english.level != Level.NO_SIGNS, _why(english)
    japanese = check("今日はzoomでmeetingがあるからlineできない")
    assert "ORDINARY_WORDING" in {r.id for r in japanese.reasons}, _why(japanese)
